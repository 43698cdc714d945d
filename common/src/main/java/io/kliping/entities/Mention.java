package io.kliping.entities;

import java.io.Serializable;

/**
 * One occurrence of a known entity in a text.
 *
 * <p>{@code charStart}/{@code charEnd} are UTF-16 offsets into the exact text handed to the
 * extractor (end exclusive), so {@code text.substring(charStart, charEnd).equals(surface)} always
 * holds; {@code sentenceIdx} is the 0-based sentence per {@link SentenceSplitter}.
 */
public record Mention(
        String entityId,
        String entityName,
        EntityType entityType,
        String surface,
        int sentenceIdx,
        int charStart,
        int charEnd) implements Serializable {}
