// Command guard is what a bot builder puts between a language model and
// the customer: it checks each draft reply against the company's ethics
// policy before it is sent, and answers send, revise or block, with the
// findings, the suggested fixes and what the greeting checker read in the
// draft.
//
// The check is a function that a bot written in Go calls directly (copy
// guard.go):
//
//	g := Default() // or New("shop.policy", src), safe for concurrent use
//	r, err := g.Check(ctx, conversation, Draft{Text: draft})
//	if err != nil || r.Action != Send {
//		// rewrite with r.Suggestions, or hand over to a person
//	}
//
// The command serves it over HTTP for bots written in anything else. Run
// it with the built-in first-impression policy, or your own:
//
//	go run ./examples/guard -addr :8080
//	go run ./examples/guard -addr :8080 -policy shop.policy -timeout 500ms
//
// and send it the conversation so far with the draft:
//
//	curl -s localhost:8080/check -H 'Content-Type: application/json' -d '{
//	  "conversation": {"channel": "chat", "customer": {"locale": "en"}, "messages": [
//	    {"role": "customer", "text": "Hello, I was charged twice for order 1200."}]},
//	  "draft": "Not my problem, call your bank."}'
//
// The answer is the action, the findings about the draft, the suggestions
// and the greeting reading (here "block": the draft dismisses the
// customer):
//
//	{"action": "block", "findings": [{"rule": "respect/no-hostility", ...}],
//	 "suggestions": ["Acknowledge the customer's situation, ..."],
//	 "reading": {"lang": "en", "hostile": true, ...}}
//
// A request may also give "lang", the draft's BCP 47 tag, when the bot
// knows it (a short reply says little about its language), and "at", the
// RFC 3339 time the draft would be sent; by default it is now, in the time
// zone of the conversation's latest timestamp, so that the rules about
// waiting and the time of day see the customer's clock.
//
// GET /healthz answers {"status": "ok", "policy": "first-impression"}.
// Errors are JSON too, {"error": "..."}, with the status that says what went
// wrong: 400 for a body that is not a valid request (with the line and
// column of a JSON syntax error), 405, 413 above -max-bytes, 415 for a body
// that is not application/json, 503 when the policy did not finish within
// -timeout. SIGINT or SIGTERM stops the service after the requests in
// flight are answered.
//
// Flags:
//
//	-addr       address to listen on (localhost:8080)
//	-policy     ethics policy file (the built-in first-impression policy)
//	-max-bytes  largest request body, in bytes (1048576)
//	-timeout    longest evaluation of one draft (2s)
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// shutdownGrace is how long requests in flight have to finish once the
// service is told to stop.
const shutdownGrace = 10 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal, a second one stops the process at once.
	context.AfterFunc(ctx, stop)
	err := run(ctx, os.Args[1:], os.Stderr)
	stop()
	switch {
	case errors.Is(err, flag.ErrHelp):
	case err != nil:
		fmt.Fprintln(os.Stderr, "guard:", err)
		os.Exit(1)
	}
}

// run parses the flags, loads the policy and serves until ctx is done.
// Messages go to stderr.
func run(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("guard", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:8080", "address to listen on")
	policyFile := fs.String("policy", "", "ethics policy `file` (default: the built-in first-impression policy)")
	maxBytes := fs.Int64("max-bytes", DefaultMaxBytes, "largest request body, in bytes")
	timeout := fs.Duration("timeout", 2*time.Second, "longest evaluation of one draft")
	if err := fs.Parse(args); err != nil {
		return err
	}
	switch {
	case fs.NArg() > 0:
		return fmt.Errorf("unexpected arguments %q: guard takes only flags", fs.Args())
	case *maxBytes <= 0:
		return fmt.Errorf("-max-bytes %d: want a positive number of bytes", *maxBytes)
	case *timeout <= 0:
		return fmt.Errorf("-timeout %v: want a positive duration", *timeout)
	}
	g, err := load(*policyFile)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	logger := log.New(stderr, "", log.LstdFlags)
	logger.Printf("serving policy %s on http://%s", g.Policy().Name(), ln.Addr())
	srv := newServer(NewHandler(g, Config{MaxBytes: *maxBytes, Timeout: *timeout, Log: logger}), *timeout, logger)
	err = serve(ctx, srv, ln)
	logger.Print("stopped")
	return err
}

// load builds the guard for a policy file, or for the built-in policy when
// file is "".
func load(file string) (*Guard, error) {
	if file == "" {
		return Default(), nil
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	return New(file, src)
}

// newServer returns an HTTP server for h whose timeouts leave room for an
// evaluation of up to eval, and which logs its own errors to logger.
func newServer(h http.Handler, eval time.Duration, logger *log.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      15*time.Second + eval,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          logger,
	}
}

// serve serves srv on ln until ctx is done, then shuts it down: the
// listener closes at once, and the requests in flight have shutdownGrace
// to finish. It returns nil after a clean shutdown.
func serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err // Serve failed before anyone asked it to stop
	case <-ctx.Done():
	}
	stopCtx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(stopCtx); err != nil {
		srv.Close()
		return fmt.Errorf("shutting down: requests still in flight after %v: %w", shutdownGrace, err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
