package ethics

import "errors"

// ErrPolicy is matched by errors.Is for every error Parse returns.
var ErrPolicy = errors.New("ethics: bad policy")
