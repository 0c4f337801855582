package greeting

import "fmt"

// PartOfDay is the time of day a greeting or closing names: "good morning"
// names the morning, "buonasera" the evening. The zero value, AnyTime, is a
// phrase that fits any hour ("hello").
type PartOfDay uint8

// The parts of day.
const (
	AnyTime   PartOfDay = iota
	Morning             // good morning, おはようございます
	Afternoon           // good afternoon, buon pomeriggio
	Day                 // daytime, morning and afternoon: buongiorno, bonjour, guten Tag
	Evening             // good evening, buonasera
	Night               // good night, buonanotte
)

var partNames = [...]string{AnyTime: "", Morning: "morning", Afternoon: "afternoon", Day: "day", Evening: "evening", Night: "night"}

// hours gives the local hours [from, to) in which each part of day is
// fitting; a range that wraps midnight has from > to. The edges are generous:
// "good morning" is fine at 11:30, "buongiorno" until the late afternoon.
var hours = [...][2]int{
	Morning:   {4, 12},
	Afternoon: {12, 18},
	Day:       {4, 17},
	Evening:   {16, 4},
	Night:     {20, 5},
}

// Fits reports whether a phrase naming p fits the local hour (0–23): no
// "good morning" at 21:00. AnyTime fits every hour.
func (p PartOfDay) Fits(hour int) bool {
	if p == AnyTime || int(p) >= len(hours) {
		return true
	}
	from, to := hours[p][0], hours[p][1]
	if from < to {
		return from <= hour && hour < to
	}
	return hour >= from || hour < to
}

// String returns the part of day's lower-case name, or "" for AnyTime.
func (p PartOfDay) String() string {
	if int(p) < len(partNames) {
		return partNames[p]
	}
	return fmt.Sprintf("PartOfDay(%d)", p)
}

// MarshalText implements [encoding.TextMarshaler].
func (p PartOfDay) MarshalText() ([]byte, error) {
	if int(p) >= len(partNames) {
		return nil, fmt.Errorf("greeting: cannot marshal %v: no such part of day", p)
	}
	return []byte(partNames[p]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler].
func (p *PartOfDay) UnmarshalText(b []byte) error {
	for i, n := range partNames {
		if n == string(b) {
			*p = PartOfDay(i)
			return nil
		}
	}
	return fmt.Errorf("greeting: unknown part of day %q", b)
}
