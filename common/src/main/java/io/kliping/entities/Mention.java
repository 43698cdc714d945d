package io.kliping.entities;

import java.io.Serializable;

/**
 * One occurrence of an entity in a text.
 *
 * <p>{@code charStart}/{@code charEnd} are UTF-16 offsets into the exact text handed to the
 * extractor (end exclusive), so {@code text.substring(charStart, charEnd).equals(surface)} always
 * holds; {@code sentenceIdx} is the 0-based sentence per {@link SentenceSplitter}; {@code source}
 * says what identified the entity: {@link #GAZETTEER} (its id is a gazetteer id) or {@link #MODEL}
 * (the name finder found it and its id was made from the normalised name).
 */
public record Mention(
        String entityId,
        String entityName,
        EntityType entityType,
        String surface,
        int sentenceIdx,
        int charStart,
        int charEnd,
        String source) implements Serializable {

    public static final String GAZETTEER = "gazetteer";
    public static final String MODEL = "model";

    /** A gazetteer mention. */
    public Mention(String entityId, String entityName, EntityType entityType, String surface,
            int sentenceIdx, int charStart, int charEnd) {
        this(entityId, entityName, entityType, surface, sentenceIdx, charStart, charEnd, GAZETTEER);
    }
}
