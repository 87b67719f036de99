package io.bulkcall.csv;

/**
 * Works out a file's delimiter from its first characters: the header line must hold it, and of the
 * delimiters it holds, the one that splits the most following lines into as many cells as the header
 * wins; on a tie, the one the header holds most of, then the comma. Delimiters inside quotes do not
 * count, so a comma file with {@code "a; b"} cells stays comma-separated. A file of one column is
 * comma-separated.
 */
final class DelimiterDetection {

    private static final Delimiter[] CANDIDATES = { Delimiter.COMMA, Delimiter.SEMICOLON, Delimiter.TAB };

    private DelimiterDetection() {
    }

    /**
     * @param chars the first characters of the file, after its byte order mark
     * @param wholeFile whether they are the whole file: then its last line counts though no line break ends it
     */
    static Delimiter detect(char[] chars, int from, int to, boolean wholeFile) {
        int[] header = null;
        int[] agreeing = new int[CANDIDATES.length];
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        boolean text = false;
        for (int i = from; i <= to; i++) {
            boolean end = i == to;
            if (end && !wholeFile) {
                break;
            }
            char c = end ? '\n' : chars[i];
            if (c == '"') {
                quoted = !quoted;
                text = true;
            }
            else if (quoted) {
                continue;
            }
            else if (c == '\n' || c == '\r') {
                if (text) {
                    if (header == null) {
                        header = counts.clone();
                    }
                    else {
                        for (int k = 0; k < counts.length; k++) {
                            agreeing[k] += counts[k] == header[k] ? 1 : 0;
                        }
                    }
                }
                counts = new int[CANDIDATES.length];
                text = false;
            }
            else {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k].character()) {
                        counts[k]++;
                    }
                }
                text |= c != ' ' && c != '\t';
            }
        }
        return best(header, agreeing);
    }

    private static Delimiter best(int[] header, int[] agreeing) {
        if (header == null) {
            return Delimiter.COMMA;
        }
        int best = -1;
        for (int k = 0; k < CANDIDATES.length; k++) {
            if (header[k] > 0 && (best < 0 || agreeing[k] > agreeing[best]
                    || agreeing[k] == agreeing[best] && header[k] > header[best])) {
                best = k;
            }
        }
        return best < 0 ? Delimiter.COMMA : CANDIDATES[best];
    }
}
