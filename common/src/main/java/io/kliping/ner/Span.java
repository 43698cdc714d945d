package io.kliping.ner;

/** A typed token span {@code [start, end)} of one sentence. */
public record Span(int start, int end, String type) {

    /**
     * Spans of a BIO tag sequence, the conlleval way: a span starts at {@code B-X}, at {@code I-X}
     * after {@code O} or after a tag of another type, and ends before the next tag that does not
     * continue it. {@code E-}/{@code S-}/{@code L-}/{@code U-} prefixes are read as I/B/I/B.
     */
    public static java.util.List<Span> fromBio(java.util.List<String> tags) {
        java.util.List<Span> spans = new java.util.ArrayList<>();
        int start = -1;
        String type = null;
        for (int i = 0; i <= tags.size(); i++) {
            String tag = i < tags.size() ? tags.get(i) : "O";
            char prefix = tag.length() > 1 && tag.charAt(1) == '-' ? tag.charAt(0) : 'O';
            String t = prefix == 'O' ? null : tag.substring(2);
            boolean begins = prefix == 'B' || prefix == 'S' || prefix == 'U';
            boolean continues = type != null && !begins && t != null && t.equals(type);
            if (!continues && type != null) {
                spans.add(new Span(start, i, type));
                type = null;
            }
            if (t != null && !continues) {
                start = i;
                type = t;
            }
        }
        return spans;
    }
}
