package greeting

import "testing"

// TestPrefix checks how a word is cut to its content key (see content).
func TestPrefix(t *testing.T) {
	tests := []struct {
		name  string
		word  string
		least int
		want  string // the prefix, or "" for no content word
		why   string
	}{
		{"long ascii", "thanks", 4, "than", "four letters stand for the word"},
		{"short ascii", "yes", 4, "", "three letters are too few at four"},
		{"short ascii allowed", "yes", 3, "yes", "three letters are enough at three"},
		{"accented long", "über", 4, "über", "four runes, five bytes"},
		{"vietnamese syllable", "đổi", 2, "đổi", "a short word is taken whole"},
		{"vietnamese too short", "ạ", 2, "", "one letter is too few at two"},
		{"devanagari", "बिल", 3, "बिल", "vowel signs count as letters"},
		{"devanagari long", "धन्यवाद", 4, "धन्य", "the first four runes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, ok := prefix([]byte(tt.word), tt.least)
			got := ""
			if ok {
				got = tt.word[:n]
			}
			if got != tt.want {
				t.Errorf("prefix(%q, %d) = %q, want %q: %s", tt.word, tt.least, got, tt.want, tt.why)
			}
		})
	}
}
