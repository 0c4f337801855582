package main

import (
	"bytes"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// A generated helpdesk export, made line by line as it is read, so that a
// test can feed the program far more conversations than it keeps in memory.

// scenes are the openings, replies and follow-ups the generator combines,
// per language: a warm, a curt and a hostile reply each.
var scenes = []struct {
	locale, open, follow string
	replies              [3]string
	closing              string
}{
	{"en-GB", "Hello, my order %d has not arrived and the tracking has not moved since Monday. Can you check?",
		"Thanks. Will it arrive before the weekend?",
		[3]string{"Good morning, and thank you for waiting! Order %d is at the local depot; it goes out today and I will email you the tracking link.",
			"Order %d ships today.",
			"I'm busy, you have to wait like everyone else. Read the tracking page."},
		"Yes, it will arrive on Friday. I will keep an eye on it for you."},
	{"it-IT", "Buongiorno, il mio ordine %d non è ancora arrivato. Potete controllare?",
		"Grazie. Arriverà entro sabato?",
		[3]string{"Buongiorno e grazie per la pazienza! L'ordine %d è al deposito e parte oggi; le mando il link per seguirlo.",
			"Ordine %d in consegna.",
			"Non vede che sono occupato? Deve aspettare come tutti gli altri."},
		"Sì, arriverà venerdì. Lo seguo io e la aggiorno."},
	{"es-ES", "Hola, mi pedido %d no ha llegado y el seguimiento no se mueve desde el lunes. ¿Pueden revisarlo?",
		"Gracias. ¿Llegará antes del fin de semana?",
		[3]string{"¡Buenos días y gracias por esperar! El pedido %d está en el almacén local y sale hoy; le envío el enlace de seguimiento.",
			"Pedido %d enviado.",
			"Estoy ocupado, tiene que esperar como todos. Mire la web."},
		"Sí, llegará el viernes. Yo me encargo de seguirlo."},
}

var genAgents = []string{"ana", "bruno", "chen", "dalia", "helpbot"}

// appendConversation appends conversation i of the generated export, as
// one JSON line.
func appendConversation(b []byte, i int) []byte {
	s := scenes[i%len(scenes)]
	agent := genAgents[i%len(genAgents)]
	style := 0
	switch {
	case i%17 == 0:
		style = 2
	case i%5 == 1:
		style = 1
	}
	role := "agent"
	if agent == "helpbot" {
		role = "bot"
	}
	order := 10000 + i
	day := time.Date(2026, 11, 1+i%28, 9+i%9, i%60, 0, 0, time.UTC)
	at := func(d time.Duration) string { return strconv.Quote(day.Add(d).Format(time.RFC3339)) }
	q := func(format string, args ...any) string { return strconv.Quote(fmt.Sprintf(format, args...)) }
	b = fmt.Appendf(b, `{"id": "gen-%d", "channel": "chat", "customer": {"id": "c-%d", "status": "current", "locale": %q}, "messages": [`,
		i, i%997, s.locale)
	b = fmt.Appendf(b, `{"role": "customer", "text": %s, "at": %s}, `, q(s.open, order), at(0))
	b = fmt.Appendf(b, `{"role": %q, "author": %q, "text": %s, "at": %s}`, role, agent, q(s.replies[style], order), at(time.Duration(30+i%400)*time.Second))
	if i%3 == 0 {
		b = fmt.Appendf(b, `, {"role": "customer", "text": %s, "at": %s}`, strconv.Quote(s.follow), at(8*time.Minute))
		b = fmt.Appendf(b, `, {"role": %q, "author": %q, "text": %s, "at": %s}`, role, agent, strconv.Quote(s.closing), at(9*time.Minute))
	}
	return append(b, "]}\n"...)
}

// A genReader reads n generated conversations, calling at(i) before it makes
// conversation i.
type genReader struct {
	n, i  int
	at    func(i int)
	buf   []byte
	pend  []byte
	bytes int // read so far
}

func (g *genReader) Read(p []byte) (int, error) {
	for len(g.pend) == 0 {
		if g.i == g.n {
			return 0, io.EOF
		}
		if g.at != nil {
			g.at(g.i)
		}
		g.buf = appendConversation(g.buf[:0], g.i)
		g.pend = g.buf
		g.i++
	}
	n := copy(p, g.pend)
	g.pend = g.pend[n:]
	g.bytes += n
	return n, nil
}

// heapInuse returns the bytes of heap in use after a collection.
func heapInuse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse
}

// TestStreamingMemory runs the whole program over a generated export and
// checks that the heap after warming up does not grow with the number of
// conversations: it stays far below the size of the input.
func TestStreamingMemory(t *testing.T) {
	// The race detector makes scoring ten times slower: a smaller run
	// keeps the package's tests within seconds there.
	sizes := []int{1_000}
	switch {
	case raceEnabled:
		sizes = []int{300}
	case !testing.Short():
		sizes = append(sizes, 20_000)
	}
	for _, n := range sizes {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			warm := n / 10 // by then every language's tables are built
			var base, peak uint64
			g := &genReader{n: n}
			g.at = func(i int) {
				switch {
				case i == warm:
					base = heapInuse()
				case i > warm && (i%(n/5) == 0 || i == n-1):
					peak = max(peak, heapInuse())
				}
			}
			sc, err := load("", "")
			if err != nil {
				t.Fatal(err)
			}
			rv := newReview(sc, "generated", 10)
			if err := rv.process(g, 1<<20, 2, io.Discard, io.Discard, nil); err != nil {
				t.Fatal(err)
			}
			if err := rv.writeSummary(io.Discard); err != nil {
				t.Fatal(err)
			}
			if err := rv.writeHTML(io.Discard, "generated"); err != nil {
				t.Fatal(err)
			}
			if rv.scored != n || rv.bad != 0 {
				t.Fatalf("%d scored, %d bad; want %d scored", rv.scored, rv.bad, n)
			}
			grew := int64(peak) - int64(base)
			t.Logf("%d conversations, %.1f MB read; heap in use %.2f MB after %d, at most %.2f MB after: grew %+.0f KB",
				n, float64(g.bytes)/1e6, float64(base)/1e6, warm, float64(peak)/1e6, float64(grew)/1e3)
			// The heap moves by a few hundred KB between collections; it
			// must not follow the input, which after warming up is 0.5 MB
			// for 1,000 conversations and 10 MB for 20,000.
			if limit := int64(2 << 20); grew > limit {
				t.Errorf("the heap grew by %d bytes while reading %d bytes of input, want at most %d", grew, g.bytes, limit)
			}
		})
	}
}

// BenchmarkPipeline runs the program's pipeline, from bytes to the summary
// and the report, over 1,000 generated conversations.
func BenchmarkPipeline(b *testing.B) {
	const n = 1_000
	var input []byte
	for i := range n {
		input = appendConversation(input, i)
	}
	sc, err := load("", "")
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			// Build the language tables outside the timing.
			if err := newReview(sc, "bench", 10).process(bytes.NewReader(input), 1<<20, workers, io.Discard, io.Discard, nil); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(input)))
			b.ReportAllocs()
			for b.Loop() {
				rv := newReview(sc, "bench", 10)
				if err := rv.process(bytes.NewReader(input), 1<<20, workers, io.Discard, io.Discard, nil); err != nil {
					b.Fatal(err)
				}
				rv.writeSummary(io.Discard)
				rv.writeHTML(io.Discard, "bench")
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/conversation")
		})
	}
}
