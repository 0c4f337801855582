package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"iter"

	"github.com/rapportkit/rapport/ethics"
)

// A line is one non-blank line of the input.
type line struct {
	n       int    // 1-based line number
	text    []byte // without the line ending; nil when too long
	tooLong int    // the line's length when it is longer than max, else 0
	max     int
}

// A lineReader reads lines of any length in bounded memory: a line longer
// than max is not kept, only reported as too long.
type lineReader struct {
	r   *bufio.Reader
	max int
	buf []byte
	n   int   // lines read so far
	err error // the read error that ended the input, other than io.EOF
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next non-blank line; ok is false at the end of the input
// or on a read error (lr.err). The text is valid until the next call.
func (lr *lineReader) next() (ln line, ok bool) {
	for {
		if cap(lr.buf) > 1<<20 {
			lr.buf = nil // do not keep the memory of one long line
		}
		lr.buf = lr.buf[:0]
		size, tooLong := 0, false
		var (
			frag []byte
			err  error
		)
		for {
			frag, err = lr.r.ReadSlice('\n')
			size += len(frag)
			switch {
			case tooLong:
			case len(lr.buf)+len(frag) > lr.max+2: // room for "\r\n"
				tooLong, lr.buf = true, lr.buf[:0]
			default:
				lr.buf = append(lr.buf, frag...)
			}
			if !errors.Is(err, bufio.ErrBufferFull) {
				break
			}
		}
		if err != nil && !errors.Is(err, io.EOF) {
			lr.err = err
			return line{}, false
		}
		if size == 0 {
			return line{}, false // io.EOF
		}
		lr.n++
		if bytes.HasSuffix(frag, []byte("\n")) {
			size--
			if bytes.HasSuffix(frag, []byte("\r\n")) {
				size--
			}
		}
		text := bytes.TrimSuffix(bytes.TrimSuffix(lr.buf, []byte("\n")), []byte("\r"))
		if lr.n == 1 {
			text = bytes.TrimPrefix(text, []byte("\uFEFF")) // a byte order mark some exporters write
		}
		if tooLong || len(text) > lr.max {
			return line{n: lr.n, tooLong: size, max: lr.max}, true
		}
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		return line{n: lr.n, text: text, max: lr.max}, true
	}
}

// results scores the input's lines with workers goroutines and yields the
// results in input order. A read error comes as a last result with fatal
// set. Stopping the iteration stops the workers.
func (s *scorer) results(lr *lineReader, workers int) iter.Seq[*result] {
	if workers <= 1 {
		return func(yield func(*result) bool) {
			var view ethics.View
			for {
				ln, ok := lr.next()
				if !ok {
					break
				}
				if !yield(s.score(ln, &view)) {
					return
				}
			}
			if lr.err != nil {
				yield(&result{line: lr.n + 1, fatal: lr.err})
			}
		}
	}
	return func(yield func(*result) bool) {
		type job struct {
			ln  line
			out chan<- *result
		}
		done := make(chan struct{})
		defer close(done)
		jobs := make(chan job, workers)
		// order holds each job's result channel in input order; its
		// capacity bounds the conversations in flight.
		order := make(chan chan *result, 4*workers)
		go func() {
			defer close(order)
			defer close(jobs)
			for {
				ln, ok := lr.next()
				if !ok {
					return
				}
				ln.text = bytes.Clone(ln.text) // the reader reuses its buffer
				out := make(chan *result, 1)
				select {
				case order <- out:
				case <-done:
					return
				}
				select {
				case jobs <- job{ln, out}:
				case <-done:
					return
				}
			}
		}()
		for range workers {
			go func() {
				var view ethics.View // each worker reads into its own
				for j := range jobs {
					j.out <- s.score(j.ln, &view)
				}
			}()
		}
		for out := range order {
			if !yield(<-out) {
				return
			}
		}
		// order is closed after the reader's last lr.next: lr is ours again.
		if lr.err != nil {
			yield(&result{line: lr.n + 1, fatal: lr.err})
		}
	}
}
