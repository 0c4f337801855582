package greeting

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/rapportkit/rapport/internal/match"
)

// The built-in languages' phrase tables are compiled ahead of time into
// data/<lang>.tables, which load in a few milliseconds where compiling the
// text takes tens. A tables file records the SHA-256 of the text it was
// compiled from; when the text has changed since, the text is compiled
// instead, and TestTablesAreFresh fails until the tables are written again
// with `go test ./greeting -run TestTablesAreFresh -update`.
//
// The form: a header, the hash, the size of the rest once inflated, then
// the rest compressed with DEFLATE: the entries (category, attributes, part
// of day, capitalised words) in payload order, then the match.Set.

const tablesMagic = "rapport-lexicon\x01"

// errStale reports tables compiled from another version of the text.
var errStale = errors.New("greeting: phrase tables are older than their text")

// tablesName returns the name of the tables file for a data file.
func tablesName(file string) string { return strings.TrimSuffix(file, ".txt") + ".tables" }

// maxTables bounds the inflated size of tables, and maxInflate its ratio to
// the compressed size (DEFLATE cannot do better than about 1,032 to 1),
// against corrupt sizes.
const (
	maxTables  = 64 << 20
	maxInflate = 1032
)

// encodeTables returns the tables of lx, compiled from src.
func encodeTables(lx *lexicon, src []byte) ([]byte, error) {
	set, err := lx.set.MarshalBinary()
	if err != nil {
		return nil, err
	}
	body := binary.AppendUvarint(nil, uint64(len(lx.entries)))
	for _, e := range lx.entries {
		body = append(body, byte(e.cat), byte(e.attrs), byte(e.part))
		body = binary.AppendUvarint(body, e.upper)
	}
	body = append(body, set...)
	sum := sha256.Sum256(src)
	var out bytes.Buffer
	out.WriteString(tablesMagic)
	out.Write(sum[:])
	out.Write(binary.AppendUvarint(nil, uint64(len(body))))
	w, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(body); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// decodeTables reads tables compiled from src into lx.
func decodeTables(lx *lexicon, data, src []byte) error {
	sum := sha256.Sum256(src)
	head := len(tablesMagic) + len(sum)
	if len(data) < head || string(data[:len(tablesMagic)]) != tablesMagic {
		return fmt.Errorf("%w: not phrase tables, or written by another version", match.ErrCorrupt)
	}
	if !bytes.Equal(data[len(tablesMagic):head], sum[:]) {
		return errStale
	}
	size, n := binary.Uvarint(data[head:])
	if n <= 0 || size > maxTables || size > uint64(len(data))*maxInflate {
		return fmt.Errorf("%w: bad size", match.ErrCorrupt)
	}
	body := make([]byte, size)
	r := flate.NewReader(bytes.NewReader(data[head+n:]))
	if _, err := io.ReadFull(r, body); err != nil {
		return fmt.Errorf("%w: %v", match.ErrCorrupt, err)
	}
	if k, _ := r.Read(make([]byte, 1)); k > 0 {
		return fmt.Errorf("%w: more data than its size", match.ErrCorrupt)
	}
	return decodeBody(lx, body)
}

// decodeBody reads the entries and the set.
func decodeBody(lx *lexicon, data []byte) error {
	n, size := binary.Uvarint(data)
	if size <= 0 || n > uint64(len(data))/4 {
		return fmt.Errorf("%w: bad entry count", match.ErrCorrupt)
	}
	data = data[size:]
	entries := make([]entry, n)
	for i := range entries {
		if len(data) < 4 {
			return fmt.Errorf("%w: entry %d cut short", match.ErrCorrupt, i)
		}
		e := entry{cat: category(data[0]), attrs: attr(data[1]), part: PartOfDay(data[2])}
		if e.cat > catNeutral || int(e.part) >= len(partNames) {
			return fmt.Errorf("%w: entry %d has no such category or part of day", match.ErrCorrupt, i)
		}
		e.upper, size = binary.Uvarint(data[3:])
		if size <= 0 {
			return fmt.Errorf("%w: entry %d cut short", match.ErrCorrupt, i)
		}
		entries[i], data = e, data[3+size:]
	}
	set := new(match.Set)
	if err := set.UnmarshalBinary(data); err != nil {
		return err
	}
	if int(set.MaxPayload()) >= len(entries) || set.KeepAccents() != lx.keepAccents {
		return fmt.Errorf("%w: the phrases do not fit the entries", match.ErrCorrupt)
	}
	lx.set, lx.entries = set, entries
	return nil
}
