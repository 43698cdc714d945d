package io.kliping.entities;

/** The coarse entity classes the pipeline reports; the gazetteer's {@code type} column uses these names. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION
}
