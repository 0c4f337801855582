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
// bounded when they compile ([MaxNodes]) and their memory when they run
// ([MemoryBudget]); [Policy.EvaluateContext] stops between rules when its
// context is done. A policy from an untrusted tenant cannot hang, crash or
// read anything else.
//
// # Concurrency
//
// A [Policy] is immutable once parsed and safe for concurrent use.
// [Default] returns the built-in first-impression policy, whose file
// (default.policy) is the best example of the language.
package ethics
