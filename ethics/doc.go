// Package ethics is the policy language in which a company writes its
// customer-service ethics, and the evaluator that judges conversations
// against it in microseconds.
//
// A policy file has principles, each with rules whose conditions are expr
// expressions (https://expr-lang.org) over the reply under review and what
// the greeting checker read in it:
//
//	policy espresso-bar "How we treat customers"
//
//	principle respect "Treat potential, current and former customers with respect"
//	  rule no-hostility critical block
//	    when reply.hostile
//	    message "Hostile reply: {{ reply.hostile_text }}"
//	    suggest "Acknowledge the wait and thank the customer for their patience."
//	    suggest it "Si scusi per l'attesa e ringrazi il cliente per la pazienza."
//	  rule public-complaint major warn
//	    scope every-reply
//	    when conversation.public && customer.waited > duration("3m") &&
//	        !reply.has("apology")
//	    message "A customer who waited {{ customer.waited }} in public deserves an apology."
//
//	test "the barman's answer"
//	  public
//	  customer at 08:30 "One espresso, please."
//	  customer at 08:35 "I'm still waiting for my espresso!"
//	  agent at 08:35:20 "I'm working, you have to wait like all others!"
//	  expect respect/no-hostility respect/public-complaint
//
// # Usage
//
// Parse a policy file once, at start-up, with [Parse] (or [MustParse] for a
// policy written into the program), or take the built-in one with [Default];
// [DefaultSource] is its text, to copy from. Then, for each conversation:
//
//	d, err := policy.Evaluate(conversation, ethics.WithFacts(facts))
//	if err != nil {
//		// A rule failed at run time; d still holds every other finding.
//	}
//	if d.Verdict == ethics.Block {
//		// Do not send the draft; show d.Findings and their suggestions.
//	}
//
// [Decision.Has] and [Decision.Rules] ask which rules fired. To evaluate
// several policies on one conversation, build a [View] with [NewView] and
// call [Policy.EvaluateView] for each: every message is then read once.
// [View.Reset] reads the next conversation into a view's memory, for a
// worker that judges many. [WithChecker] evaluates with a greeting
// checker of your own, for instance one with the company's phrase data.
// The tests written in a policy file run with [Policy.RunTests], and under
// go test with [github.com/rapportkit/rapport/ethics/ethicstest].
//
// # The file
//
// One directive a line, nested by indentation; # starts a comment. At the
// top: policy <name> "<title>", then principle <name> "<title>" blocks of
// rule lines, and test blocks. A rule line is rule <name> [severity]
// [enforcement], with severity info, minor, major (the default) or
// critical, and enforcement block, warn (the default) or audit. Under it:
//
//   - when <condition>: an expr expression that must be true or false; it
//     may continue on lines indented under it. Required.
//   - scope first-reply|every-reply|last-reply|conversation: which replies
//     the rule looks at (default every-reply). A conversation rule runs once,
//     with reply set to the last reply, and its finding has turn -1.
//   - applies-to prospect|current|former ...: only for these customers.
//   - message "<text>": the finding's message; {{ expression }} inserts a
//     value.
//   - suggest [<language>] "<text>": a suggested fix; a suggestion with a
//     language is used for replies in that language.
//
// Test blocks are described at [Test].
//
// In an expression, a # that follows a space or a tab starts a comment,
// as elsewhere in the file, unless it stands inside brackets or quotes:
// expr's own # (the element in a predicate) always does, so
// any(facts.tags, # == "vip") and reduce(1..3, #acc + #, 0) are code.
//
// # The environment
//
// Conditions see [Env]: reply and previous (the customer message the reply
// answers) are [Message] values with the greeting report's readings
// (reply.hostile, reply.politeness, reply.register, reply.greeting,
// reply.has("apology"), reply.takes_up, ...); customer is a [Customer]
// (status, waited, local_hour, ...); conversation a [Conversation] (public,
// channel, turns, first_reply, ...); facts is the map the host program
// passes with [WithFacts]. Names, types, strategy names and the boolean
// result are checked when the policy is parsed, and every error is reported
// with its file:line:col and a caret.
//
// # Decisions
//
// [Policy.Evaluate] returns a [Decision]: the verdict (block if a blocking
// rule fired, else warn if a warning rule fired, else pass) and the
// findings, each with its rule, severity, turn, the spans of the words that
// triggered it, the rendered message and suggestion, and why: the value of
// each part of the condition ("customer.waited = 5m20s",
// "reply.has(\"apology\") = false"). A rule that fails at run time becomes
// a finding and an error, and the other rules still run.
//
// # Limits and safety
//
// Expressions have no I/O and see only the environment. Their size is
// bounded when they compile ([MaxNodes]), and so is their nesting (100
// levels of brackets, 100 prefix operators in a row: expr parses both by
// recursion), and the pattern of matches is a string literal of at most
// 1,000 bytes, so that no message is compiled as a regular expression;
// their memory is bounded when they run ([MemoryBudget]), and each turn of
// a predicate (all, any, filter, map, ...) costs four units of it, so that
// loops in loops end too; [Policy.EvaluateContext] stops between rules
// when its context is done. A policy from an untrusted tenant cannot hang,
// crash or read anything else.
//
// # Concurrency
//
// A [Policy] is immutable once parsed and safe for concurrent use.
// [Default] returns the built-in first-impression policy, whose file
// (default.policy) is the best example of the language. A [View] is not
// safe for concurrent use: build one per goroutine.
//
// # Examples
//
// The examples evaluate replies in English, Italian, Spanish, German and
// Catalan: a blocked and a passing answer ([Policy.Evaluate]), deadlines
// ([Policy.EvaluateContext]), shared readings ([Policy.EvaluateView],
// [View.Env]), host facts ([WithFacts]), a company checker ([WithChecker]),
// the limits for untrusted tenants ([MaxNodes], [MemoryBudget]), errors in
// policy files ([Error]) and the tests inside them ([Policy.Tests],
// [Policy.Uncovered], [TestResult.String]).
package ethics
