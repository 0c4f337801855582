package match

import (
	"bytes"
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// encodeSet builds a set with phrases, wildcards and suffixes of several
// scripts, the shapes the binary form must keep.
func encodeSet(t testing.TB) *Set {
	t.Helper()
	var b Builder
	for i, p := range []string{"thank you", "thank you for your patience", "you * idiot", "you * * wait",
		"sorry, but", "お待たせ", "not my problem", "thanks", "thank you", "Good morning"} {
		if err := b.Add(p, int32(i)); err != nil {
			t.Fatal(err)
		}
	}
	for i, s := range []string{"resti", "iamo", "िए"} {
		if err := b.AddSuffix(s, int32(100+i)); err != nil {
			t.Fatal(err)
		}
	}
	return b.Build()
}

var encodeTexts = []string{
	"Thank you for your patience, you stupid idiot, you have to wait!",
	"sorry, but not my problem. お待たせしました vorresti mangiamo",
	"कृपया बताइए thanks Good morning",
	"",
}

// TestSetBinaryRoundTrip checks that a set read back from its binary form
// finds the same phrases and writes the same bytes.
func TestSetBinaryRoundTrip(t *testing.T) {
	set := encodeSet(t)
	data, err := set.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var back Set
	if err := back.UnmarshalBinary(data); err != nil {
		t.Fatalf("UnmarshalBinary: %v", err)
	}
	again, _ := back.MarshalBinary()
	if !bytes.Equal(data, again) {
		t.Errorf("the set read back writes different bytes")
	}
	if back.Len() != set.Len() || back.MaxPayload() != 102 || back.KeepAccents() != set.KeepAccents() {
		t.Errorf("Len %d MaxPayload %d, want %d and 102", back.Len(), back.MaxPayload(), set.Len())
	}
	var sc Scratch
	for _, s := range encodeTexts {
		var x Text
		x.Reset(s)
		want := set.Find(&x, &sc, nil)
		got := back.Find(&x, &sc, nil)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("%q: matches differ (-built +read):\n%s", s, d)
		}
	}
}

// tinySet returns the binary form of a set of the given words and one
// phrase, whose double array is given as its numbers (see appendDoubleArray);
// its suffix trie is empty.
func tinySet(words []string, array ...uint64) []byte {
	b := append([]byte(setMagic), 0, 1) // no flags, one phrase
	b = binary.AppendUvarint(b, uint64(len(words)))
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
	}
	for _, n := range array {
		b = binary.AppendUvarint(b, n)
	}
	return append(b, 1, 0, 0, 0, 0) // a suffix trie of its root alone
}

func TestSetBinaryErrors(t *testing.T) {
	data, _ := encodeSet(t).MarshalBinary()
	// The double array of "a b": nodes and payloads; the root: no
	// payloads, one edge, its target 0 past the first free node, label 2
	// (word 1); that state: one edge to the next free node, label 4 (word
	// 2); the last: one payload, 0, and no edges.
	valid := []uint64{3, 1, 0, 2, 0, 2, 0, 2, 0, 4, 1, 0, 0}
	if err := new(Set).UnmarshalBinary(tinySet([]string{"a", "b"}, valid...)); err != nil {
		t.Fatalf("the valid set of the table below: %v", err)
	}
	tests := []struct {
		name   string
		data   []byte
		want   string // in the error
		reason string
	}{
		{"empty", nil, "another version", "no header"},
		{"other magic", []byte("rapport-set\x02\x00"), "another version", "another version's data"},
		{"cut short", data[:len(data)-3], "missing number", "the suffix trie is missing its end"},
		{"trailing bytes", append(bytes.Clone(data), 0), "1 bytes after", "bytes after the tables"},
		{"huge count", append([]byte(setMagic), 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f), "exceeds the data left", "a vocabulary larger than the data"},
		{"repeated word", tinySet([]string{"a", "a"}, valid...), "word 2 repeats", "two ids for one word"},
		{"empty word", tinySet([]string{"a", ""}, valid...), "word 2 is empty", "a word of no bytes"},
		{"label of no word", tinySet([]string{"a", "b"}, 3, 1, 0, 2, 0, 1, 0, 2, 0, 4, 1, 0, 0), "label 1 names no word", "label 1 is an unknown word's"},
		{"label past the words", tinySet([]string{"a", "b"}, 3, 1, 0, 2, 0, 2, 0, 2, 0, 6, 1, 0, 0), "label 6 names no word", "word 3 does not exist"},
		{"labels not rising", tinySet([]string{"a", "b"}, 4, 1, 0, 4, 0, 2, 0, 0, 0, 1, 0, 0), "do not rise", "a state's two edges with one label"},
		{"target outside", tinySet([]string{"a", "b"}, 3, 1, 0, 2, 5, 2, 0, 2, 0, 4, 1, 0, 0), "node 4 is past the array's 3", "the array has 3 nodes"},
		{"target taken", tinySet([]string{"a", "b"}, 4, 1,
			0, 4, 0, 2, 2, // the root's targets: nodes 1 and 3
			0, 2, 1, 4, // node 1's target: 1 past the free node 2, which is 3
			1, 0, 0, 0, 0), "node 3 is another's", "two states in one node"},
		{"wildcard outside", tinySet([]string{"a"}, 2, 1, 0, 1, 7, 1, 0, 0), "node 3 is past", "the wildcard state is past the array"},
		{"payloads missing", tinySet([]string{"a", "b"}, 3, 2, 0, 2, 0, 2, 0, 2, 0, 4, 1, 0, 0), "1 payloads, not the 2", "two payloads announced, one given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Set
			err := s.UnmarshalBinary(tt.data)
			if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("UnmarshalBinary = %v, want ErrCorrupt saying %q: %s", err, tt.want, tt.reason)
			}
		})
	}
}

// FuzzSetUnmarshalBinary checks that any bytes are read without panicking,
// and that a set read without error can be searched and written back.
func FuzzSetUnmarshalBinary(f *testing.F) {
	data, _ := encodeSet(f).MarshalBinary()
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		var s Set
		if s.UnmarshalBinary(data) != nil {
			return
		}
		var sc Scratch
		for _, src := range encodeTexts {
			var x Text
			x.Reset(src)
			s.Find(&x, &sc, nil)
		}
		out, _ := s.MarshalBinary()
		var again Set
		if err := again.UnmarshalBinary(out); err != nil {
			t.Fatalf("a set read back does not read again: %v", err)
		}
	})
}
