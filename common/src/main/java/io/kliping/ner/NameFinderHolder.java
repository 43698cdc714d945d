package io.kliping.ner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * The name-finder models of this JVM, loaded once per classpath resource on first use (once per
 * executor, not per record or task). The model is thread-safe; a {@link GreedyNameFinder} is not,
 * so each thread gets its own finder over the shared model (and its shared hashed weights).
 */
public final class NameFinderHolder {
    private static final Map<String, TokenNameFinderModel> MODELS = new ConcurrentHashMap<>();
    /** Per model resource: its hashed weights, empty when it cannot be hashed. */
    private static final Map<String, java.util.Optional<PerceptronTable>> TABLES =
        new ConcurrentHashMap<>();
    private static final ThreadLocal<Map<String, GreedyNameFinder>> FINDERS =
        ThreadLocal.withInitial(java.util.HashMap::new);

    private NameFinderHolder() {}

    /** This thread's finder for the model at classpath {@code resource}. */
    public static GreedyNameFinder finder(String resource) {
        return FINDERS.get().computeIfAbsent(resource, r -> new GreedyNameFinder(model(r),
            TABLES.computeIfAbsent(r, t -> java.util.Optional.ofNullable(
                GreedyNameFinder.table(model(t)))).orElse(null)));
    }

    static TokenNameFinderModel model(String resource) {
        return MODELS.computeIfAbsent(resource, NameFinderHolder::load);
    }

    private static TokenNameFinderModel load(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
            ? Thread.currentThread().getContextClassLoader() : NameFinderHolder.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException(
                    "name-finder model not on the classpath: " + resource);
            }
            return new TokenNameFinderModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name-finder model " + resource, e);
        }
    }
}
