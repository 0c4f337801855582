package greeting

// Politeness is tanh(z/2) = 2p-1, where p = 1/(1+e^-z) is the probability of
// a logistic model and z = bias + the sum of the markers' weights. The k-th
// marker of a strategy in a message adds weights[strategy]/k, so repeating a
// strategy counts less and less. The weights are shared by every language:
// they belong to the strategies, not to words.
//
// The weights were fitted by logistic regression on the English TyDiP
// politeness ratings (Srinivasan and Choi 2022; n=1,927, top and bottom
// quartiles), each pulled toward a hand-set prior from the politeness
// literature so that strategies the ratings rarely see keep sensible
// weights. Refit with: go test ./greeting -run TestPolitenessTyDiP -v -args -fit
var (
	bias    = -0.33
	weights = [numStrategies]float64{
		Greeting: 0.62, Closing: 0.32, Gratitude: 1.28, Apology: 0.69, Please: 0.49,
		Deference: 0.91, Hedge: 0.42, Indirect: 1.14, Empathy: 0.72, Reassurance: 0.66,
		FollowUp: 0.53, PersonalName: 0.36, FormalAddress: 0.08, InformalAddress: -0.13,
		DirectQuestion: -1.08, Command: -1.04, Blame: -1.21, Dismissal: -1.15,
		Impatience: -0.97, Insult: -1.89, Profanity: -1.51, Shouting: -1.20, Canned: -0.10,
		Criticism: -0.69, Factuality: -0.46, DirectStart: -0.69,
	}
)
