package io.kliping.ingest;

import java.io.Serializable;

/**
 * One article as read from a source, before cleaning: the fields are exactly what the input said
 * (only trimmed), so that every later decision (cleaning, date parsing, id) can be re-run on them.
 *
 * @param sourceId     the id the source gave the record (a JSON {@code id}, a file path), or null
 * @param title        headline, or null when the source has none
 * @param text         body text, never blank
 * @param url          link as found, not normalised, or null
 * @param publishedRaw publication date/time as found (possibly "date time" combined), or null
 * @param source       outlet or publisher name, or null
 */
public record RawArticle(
    String sourceId, String title, String text, String url, String publishedRaw, String source)
    implements Serializable {}
