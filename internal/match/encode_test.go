package match

import (
	"bytes"
	"errors"
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
		if _, err := b.Add(p, int32(i)); err != nil {
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

func TestSetBinaryErrors(t *testing.T) {
	data, _ := encodeSet(t).MarshalBinary()
	tests := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"empty", nil, "no header"},
		{"other magic", []byte("rapport-set\x02\x00"), "another version's data"},
		{"cut short", data[:len(data)-3], "the suffix trie is missing its end"},
		{"trailing bytes", append(bytes.Clone(data), 0), "bytes after the tables"},
		{"huge count", append([]byte(setMagic), 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f), "a vocabulary larger than the data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Set
			if err := s.UnmarshalBinary(tt.data); !errors.Is(err, ErrCorrupt) {
				t.Errorf("UnmarshalBinary = %v, want ErrCorrupt: %s", err, tt.reason)
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
