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
	"golang.org/x/text/language"
)

// The built-in languages' phrase tables are compiled ahead of time into
// data/<lang>.tables, which load in a few milliseconds where compiling the
// text takes tens. A tables file records the SHA-256 of the text it was
// compiled from; when the text has changed since, the text is compiled
// instead, and TestTablesAreFresh fails until the tables are written again
// with `go test ./greeting -run TestTablesAreFresh -update`.
//
// The form: a header, the hash, the size of the rest once inflated, then
// the rest compressed with DEFLATE: the region conditions (each: whether it
// excludes, then its regions' codes), the entries (category, part of day,
// region condition, attributes, capitalised words) in payload order, then
// the match.Set.

const tablesMagic = "rapport-lexicon\x04"

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
	body, err := encodeBody(lx)
	if err != nil {
		return nil, err
	}
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

// encodeBody returns the part of lx's tables that is compressed: what
// decodeBody reads.
func encodeBody(lx *lexicon) ([]byte, error) {
	set, err := lx.set.MarshalBinary()
	if err != nil {
		return nil, err
	}
	body := binary.AppendUvarint(nil, uint64(len(lx.regions)))
	for _, rs := range lx.regions {
		not := byte(0)
		if rs.not {
			not = 1
		}
		body = append(body, not)
		body = binary.AppendUvarint(body, uint64(len(rs.list)))
		for _, r := range rs.list {
			code := r.String()
			body = append(append(body, byte(len(code))), code...)
		}
	}
	body = binary.AppendUvarint(body, uint64(len(lx.entries)))
	for _, e := range lx.entries {
		body = append(body, byte(e.cat), byte(e.part), e.region)
		body = binary.AppendUvarint(body, uint64(e.attrs&^attrRegion))
		body = binary.AppendUvarint(body, e.upper)
	}
	return append(body, set...), nil
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

// decodeBody reads the region conditions, the entries and the set.
func decodeBody(lx *lexicon, data []byte) error {
	regions, data, err := decodeRegions(data)
	if err != nil {
		return err
	}
	n, size := binary.Uvarint(data)
	if size <= 0 || n > uint64(len(data))/5 {
		return fmt.Errorf("%w: bad entry count", match.ErrCorrupt)
	}
	data = data[size:]
	entries := make([]entry, n)
	for i := range entries {
		if len(data) < 5 {
			return fmt.Errorf("%w: entry %d cut short", match.ErrCorrupt, i)
		}
		e := entry{cat: category(data[0]), part: PartOfDay(data[1]), region: data[2]}
		attrs, m := binary.Uvarint(data[3:])
		if m <= 0 {
			return fmt.Errorf("%w: entry %d cut short", match.ErrCorrupt, i)
		}
		if e.cat > catLaughter || int(e.part) >= len(partNames) || int(e.region) > len(regions) || attrs >= uint64(attrRegion) {
			return fmt.Errorf("%w: entry %d has no such category, part of day, region condition or attribute", match.ErrCorrupt, i)
		}
		e.attrs = attr(attrs)
		if e.region != 0 {
			e.attrs |= attrRegion
		}
		if e.cat == catVariety && (e.region == 0 || regions[e.region-1].not) {
			return fmt.Errorf("%w: entry %d marks a variety of no regions", match.ErrCorrupt, i)
		}
		e.upper, size = binary.Uvarint(data[3+m:])
		if size <= 0 {
			return fmt.Errorf("%w: entry %d cut short", match.ErrCorrupt, i)
		}
		entries[i], data = e, data[3+m+size:]
	}
	set := new(match.Set)
	if err := set.UnmarshalBinary(data); err != nil {
		return err
	}
	if int(set.MaxPayload()) >= len(entries) || set.KeepAccents() != lx.keepAccents {
		return fmt.Errorf("%w: the phrases do not fit the entries", match.ErrCorrupt)
	}
	lx.set, lx.entries, lx.regions = set, entries, regions
	lx.markVarieties()
	return nil
}

// decodeRegions reads the region conditions at the start of data and
// returns them with the rest.
func decodeRegions(data []byte) ([]regionSet, []byte, error) {
	n, size := binary.Uvarint(data)
	if size <= 0 || n > maxRegionSets {
		return nil, nil, fmt.Errorf("%w: bad region condition count", match.ErrCorrupt)
	}
	data = data[size:]
	regions := make([]regionSet, n)
	for i := range regions {
		if len(data) < 1 || data[0] > 1 {
			return nil, nil, fmt.Errorf("%w: region condition %d cut short or unknown", match.ErrCorrupt, i)
		}
		regions[i].not = data[0] == 1
		m, size := binary.Uvarint(data[1:])
		if size <= 0 || m > uint64(len(data)) {
			return nil, nil, fmt.Errorf("%w: region condition %d cut short", match.ErrCorrupt, i)
		}
		data = data[1+size:]
		for range m {
			if len(data) < 1 || len(data) < 1+int(data[0]) {
				return nil, nil, fmt.Errorf("%w: region condition %d cut short", match.ErrCorrupt, i)
			}
			end := 1 + int(data[0]) // not 1+data[0], a byte that overflows at 255
			r, err := language.ParseRegion(string(data[1:end]))
			if err != nil {
				return nil, nil, fmt.Errorf("%w: region condition %d: %v", match.ErrCorrupt, i, err)
			}
			regions[i].list = append(regions[i].list, r)
			data = data[end:]
		}
	}
	return regions, data, nil
}
