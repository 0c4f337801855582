// Package rapport holds the shared vocabulary of the rapport module: the
// conversation a customer has with a company, its messages and roles, the
// customer's status, and the findings that checkers report about it.
//
// rapport judges customer-service replies the way the best support teams do:
// a warm greeting in the customer's own language and register, real
// listening, no hostility, and conduct that follows the company's written
// ethics. It runs offline, in microseconds.
//
// # Packages
//
// The module flows one way; each package imports only those above it:
//
//	rapport           Conversation, Message, Customer, Role, Status, Channel,
//	                  Span, Severity, Finding (this package)
//	rapport/greeting  reads one message: greeting, closing, politeness
//	                  strategies, rudeness, formality register, language
//	rapport/ethics    evaluates a company's policy file over a conversation
//	                  and those readings: decisions with findings and why
//	rapport/rubric    scores conversations as QA scorecards; summaries and
//	                  agreement between graders
//
// # Conversations
//
// A [Conversation] is what a helpdesk exports and what a bot has seen so far.
// It has a stable JSON form:
//
//	{"id": "espresso-1", "channel": "in_person", "public": true,
//	 "customer": {"id": "c-17", "name": "Marco", "status": "current", "locale": "it-IT"},
//	 "messages": [
//	   {"role": "customer", "text": "Un espresso, per favore.", "at": "2026-11-20T08:30:00+01:00"},
//	   {"role": "agent", "author": "barman-1", "text": "Arriva subito!", "at": "2026-11-20T08:30:20+01:00"}]}
//
// Enumerations ([Role], [Status], [Severity]) marshal as their lower-case
// words and refuse unknown words when unmarshalled. The helpers on
// [Conversation] answer what a policy asks of a reply: which message it
// answers ([Conversation.Answering]), how long the customer had waited
// ([Conversation.Waited]) and the customer's local hour ([Conversation.LocalHour]).
package rapport
