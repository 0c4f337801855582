package greeting

// Politeness is tanh(z/2) = 2p-1, where p = 1/(1+e^-z) is the probability of
// a logistic model and z is the sum of the markers' weights. The k-th
// marker of a strategy in a message adds weights[strategy]/k, so repeating a
// strategy counts less and less. The weights are shared by every language:
// they belong to the strategies, not to words.
//
// The weights were fitted by logistic regression on the English TyDiP
// politeness ratings (Srinivasan and Choi 2022; n=1,927, top and bottom
// quartiles), each pulled toward a hand-set prior from the politeness
// literature so that strategies the ratings rarely see keep sensible
// weights. The model has no intercept, so a message without markers is
// neutral (0). The forms of address weigh nothing: in most languages they
// are grammar that every message carries, rude or polite (Sie, vous, आप,
// 존댓말), so they tell the register, not how polite a message is; in the
// English ratings, where they are rare, the fit gave them ±0.1 and nothing
// depended on it. Refit with: go test ./greeting -run TestPolitenessTyDiP -v -args -fit
var weights = [numStrategies]float64{
	Greeting:        0.53,
	Closing:         0.30,
	Gratitude:       1.20,
	Apology:         0.66,
	Please:          0.48,
	Deference:       0.86,
	Hedge:           0.31,
	Indirect:        1.06,
	Empathy:         0.71,
	Reassurance:     0.66,
	FollowUp:        0.52,
	PersonalName:    0.33,
	FormalAddress:   0,
	InformalAddress: 0,
	DirectQuestion:  -1.28,
	Command:         -1.20,
	Blame:           -1.23,
	Dismissal:       -1.21,
	Impatience:      -1.02,
	Insult:          -2.02,
	Profanity:       -1.52,
	Shouting:        -1.21,
	Canned:          -0.10,
	Criticism:       -0.73,
	Factuality:      -0.59,
	DirectStart:     -0.78,
}
