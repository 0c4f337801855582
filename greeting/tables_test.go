package greeting

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/rapportkit/rapport/internal/match"
	"golang.org/x/text/language"
)

var update = flag.Bool("update", false, "rewrite the compiled phrase tables in data/")

// builtinSources returns the built-in data files by name ("en.txt").
func builtinSources(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := builtin.ReadDir("data")
	if err != nil {
		t.Fatal(err)
	}
	srcs := map[string][]byte{}
	for _, f := range files {
		if strings.HasSuffix(f.Name(), ".txt") {
			srcs[f.Name()], _ = builtin.ReadFile("data/" + f.Name())
		}
	}
	return srcs
}

// TestTablesAreFresh checks that each language's compiled tables are those
// of its text, and rewrites them with -update.
func TestTablesAreFresh(t *testing.T) {
	for name, src := range builtinSources(t) {
		lx, err := parseLexicon(name, src, true)
		if err != nil {
			t.Fatal(err)
		}
		want, err := encodeTables(lx, src)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("data", tablesName(name))
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, _ := builtin.ReadFile("data/" + tablesName(name))
		if !bytes.Equal(got, want) {
			t.Errorf("%s is not compiled from %s as it is now: run go test ./greeting -run TestTablesAreFresh -update", path, name)
		}
	}
}

// TestTablesLoadAsCompiled checks that the tables read back give the same
// lexicon as compiling the text: the same entries, and the same tables
// written again.
func TestTablesLoadAsCompiled(t *testing.T) {
	for name, src := range builtinSources(t) {
		lx, err := parseLexicon(name, src, true)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := encodeTables(lx, src)
		back := &lexicon{keepAccents: lx.keepAccents}
		if err := decodeTables(back, data, src); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := cmp.Diff(lx.entries, back.entries, cmp.AllowUnexported(entry{})); d != "" {
			t.Errorf("%s: entries differ (-compiled +loaded):\n%s", name, d)
		}
		if d := cmp.Diff(lx.regions, back.regions, cmpopts.EquateEmpty(), cmp.AllowUnexported(regionSet{}), cmp.Comparer(func(a, b language.Region) bool { return a == b })); d != "" {
			t.Errorf("%s: region conditions differ (-compiled +loaded):\n%s", name, d)
		}
		if again, _ := encodeTables(back, src); !bytes.Equal(again, data) {
			t.Errorf("%s: the loaded tables write different bytes", name)
		}
	}
}

// TestHeadersAsCompiled checks that reading the headers alone, as Default
// does for every built-in file, finds what compiling the whole text finds:
// the language, its name and settings, and the word lists of the sections
// the headers read (common, function, laughter), though it skips the rest.
func TestHeadersAsCompiled(t *testing.T) {
	for name, src := range builtinSources(t) {
		full, err := parseLexicon(name, src, true)
		if err != nil {
			t.Fatal(err)
		}
		hdr, err := parseLexicon(name, src, false)
		if err != nil {
			t.Fatal(err)
		}
		type header struct {
			Tag                      language.Tag
			Name                     string
			KeepAccents              bool
			ContentLetters           int
			Common, Function, Laughs []string
		}
		read := func(lx *lexicon) header {
			return header{lx.tag, lx.name, lx.keepAccents, lx.contentLetters, lx.common, lx.function, lx.laughs}
		}
		if d := cmp.Diff(read(full), read(hdr), cmp.Comparer(func(a, b language.Tag) bool { return a == b })); d != "" {
			t.Errorf("%s: the headers differ from the compiled text's (-compiled +headers):\n%s", name, d)
		}
	}
}

func TestTablesErrors(t *testing.T) {
	src := builtinSources(t)["it.txt"]
	lx, err := parseLexicon("it.txt", src, true)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := encodeTables(lx, src)
	edited := append(bytes.Clone(src), "\n# a comment\n"...)
	tests := []struct {
		name   string
		data   []byte
		src    []byte
		want   error
		reason string
	}{
		{"stale", data, edited, errStale, "the text changed after the tables were compiled"},
		{"empty", nil, src, match.ErrCorrupt, "an empty file is not tables"},
		{"cut in the entries", data[:len(tablesMagic)+40], src, match.ErrCorrupt, "the entries end early"},
		{"cut in the set", data[:len(data)-10], src, match.ErrCorrupt, "the set ends early"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := decodeTables(&lexicon{}, tt.data, tt.src)
			if !errors.Is(err, tt.want) {
				t.Errorf("decodeTables = %v, want %v: %s", err, tt.want, tt.reason)
			}
		})
	}
}

func TestTablesBodyErrors(t *testing.T) {
	// Entries the text could not have written: a category past the last
	// (catFunction names a word list, never a phrase), and laughter, the
	// last, which it can.
	src := []byte("language en\n[greeting]\nhi\n[laughter]\nlol\n")
	tests := []struct {
		name   string
		cat    category
		ok     bool
		reason string
	}{
		{"laughter", catLaughter, true, "the last category a phrase may have"},
		{"function", catFunction, false, "a word list, never the category of a phrase"},
		{"past every category", catFunction + 1, false, "no such category"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lx, err := parseLexicon("x.txt", src, true)
			if err != nil {
				t.Fatal(err)
			}
			lx.entries[len(lx.entries)-1].cat = tt.cat
			body, err := encodeBody(lx)
			if err != nil {
				t.Fatal(err)
			}
			if err := decodeBody(&lexicon{}, body); (err == nil) != tt.ok || err != nil && !errors.Is(err, match.ErrCorrupt) {
				t.Errorf("decodeBody with an entry of category %d = %v, want ok %v: %s", tt.cat, err, tt.ok, tt.reason)
			}
		})
	}
}

// fuzzTablesSource is the phrase data the tables fuzz targets start from:
// a wildcard, a word ending, region conditions, a part of day and laughter
// after a phrase that must end its clause.
var fuzzTablesSource = []byte("language it\n[greeting]\nbuongiorno ; day\n{ciao|salve} ; not:CH\n[criticism]\n-resti ; in:IT,SM,VA\nsei * idiota ; alone\n[laughter]\nahah\n")

// fuzzTablesLexicon returns the lexicon of fuzzTablesSource.
func fuzzTablesLexicon(f *testing.F) *lexicon {
	lx, err := parseLexicon("f.txt", fuzzTablesSource, true)
	if err != nil {
		f.Fatal(err)
	}
	return lx
}

// fuzzRead reads a text with tables read without error, which must not
// panic.
func fuzzRead(lx *lexicon) {
	var s scratch
	s.text.Reset("Buongiorno, ciao! vorresti, sei proprio idiota ahah")
	lx.read(&s, language.MustParseRegion("CH"), false)
}

// FuzzDecodeTables checks that any bytes are read without panicking.
func FuzzDecodeTables(f *testing.F) {
	data, _ := encodeTables(fuzzTablesLexicon(f), fuzzTablesSource)
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		lx := &lexicon{}
		if decodeTables(lx, data, fuzzTablesSource) == nil {
			fuzzRead(lx)
		}
	})
}

// FuzzDecodeBody checks that any inflated tables are read without
// panicking: most changes to compressed tables break the compression, not
// what it holds.
func FuzzDecodeBody(f *testing.F) {
	body, _ := encodeBody(fuzzTablesLexicon(f))
	f.Add(body)
	f.Fuzz(func(t *testing.T, body []byte) {
		lx := &lexicon{}
		if decodeBody(lx, body) == nil {
			fuzzRead(lx)
		}
	})
}

// BenchmarkLoadTables measures what a program pays for a language the first
// time it checks a message in it.
func BenchmarkLoadTables(b *testing.B) {
	for name, src := range builtinSources(b) {
		data, _ := builtin.ReadFile("data/" + tablesName(name))
		hdr, err := parseLexicon(name, src, false)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimSuffix(name, ".txt"), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if err := decodeTables(&lexicon{keepAccents: hdr.keepAccents}, data, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
