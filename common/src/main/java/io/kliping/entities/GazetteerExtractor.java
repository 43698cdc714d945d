package io.kliping.entities;

import java.util.List;
import java.util.Objects;

/**
 * {@link EntityExtractor} backed by a {@link Gazetteer}: dictionary matching with whole-token,
 * case and hyphen/space rules (see {@link CompiledGazetteer}). Only the gazetteer is serialised;
 * the compiled tries are looked up (or built, once per JVM) on first use after deserialisation.
 */
final class GazetteerExtractor implements EntityExtractor {

    private static final long serialVersionUID = 1L;

    private static final ThreadLocal<CompiledGazetteer.Scratch> SCRATCH =
            ThreadLocal.withInitial(CompiledGazetteer.Scratch::new);

    private final Gazetteer gazetteer;
    private transient volatile CompiledGazetteer compiled;

    GazetteerExtractor(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    @Override
    public List<Mention> extract(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return compiled().find(text, SCRATCH.get());
    }

    private CompiledGazetteer compiled() {
        CompiledGazetteer local = compiled;
        if (local == null) {
            local = CompiledGazetteer.of(gazetteer);
            compiled = local;
        }
        return local;
    }

    @Override
    public String toString() {
        return "GazetteerExtractor[" + gazetteer + "]";
    }
}
