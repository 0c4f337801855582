package ethics

import (
	_ "embed"
	"sync"
)

//go:embed default.policy
var defaultSrc []byte

var defaultPolicy = sync.OnceValue(func() *Policy { return MustParse("default.policy", defaultSrc) })

// Default returns the built-in first-impression policy, parsed on first use
// from the embedded file default.policy, which reads as its documentation:
// respect (no hostility, blame or dismissal; stricter in public; the same
// courtesy for prospects and former customers), professionalism (no
// shouting, one register), listening (de-escalate, take up what the
// customer said), timeliness (acknowledge a wait; apologise for it in
// public), genuineness (not only stock phrases), expectations (say what
// happens next) and the first impression (a greeting that fits the hour,
// in the customer's language and register).
func Default() *Policy { return defaultPolicy() }

// DefaultSource returns the text of the built-in policy, to copy from.
func DefaultSource() []byte { return append([]byte(nil), defaultSrc...) }
