package main

import (
	"fmt"
	"io"
	"time"
)

// A progress line on standard error, rewritten in place with '\r': every
// 1,000 lines, and at least every second when a clock is set. A nil or off
// progress prints nothing.
type progress struct {
	w        io.Writer
	on       bool
	every    int              // print every this many lines
	interval time.Duration    // and when this long has passed since the last print
	now      func() time.Time // nil: count only, for deterministic tests
	last     time.Time
	printed  bool // a line was printed since the start
	open     int  // the length of the line on screen, 0 when cleared
}

func newProgress(w io.Writer, on bool) *progress {
	return &progress{w: w, on: on, every: 1000, interval: time.Second, now: time.Now}
}

// update is called for each input line, with the counts so far.
func (p *progress) update(scored, bad int) {
	if p == nil || !p.on {
		return
	}
	n := scored + bad
	if p.now != nil && p.last.IsZero() {
		p.last = p.now() // the first line after a second, or 1,000 lines
	}
	switch {
	case n > 0 && n%p.every == 0:
	case p.now != nil && p.now().Sub(p.last) >= p.interval:
	default:
		return
	}
	p.print(scored, bad)
}

// done prints the final counts and ends the line, if a line was printed.
func (p *progress) done(scored, bad int) {
	if p == nil || !p.on || !p.printed {
		return
	}
	p.print(scored, bad)
	fmt.Fprintln(p.w)
	p.open = 0
}

// clear wipes the progress line, so that a message can be written on
// standard error; the next update prints it again.
func (p *progress) clear() {
	if p == nil || p.open == 0 {
		return
	}
	fmt.Fprintf(p.w, "\r%*s\r", p.open, "")
	p.open = 0
}

func (p *progress) print(scored, bad int) {
	s := fmt.Sprintf("review: %d conversations, %d bad lines", scored, bad)
	fmt.Fprint(p.w, "\r"+s)
	p.printed, p.open = true, len(s)
	if p.now != nil {
		p.last = p.now()
	}
}
