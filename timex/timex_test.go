package timex_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier/internal/shared"
	"github.com/dossier-news/dossier/timex"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// want is an expected expression: its text, type, value and modifier.
type want struct {
	text, typ, value, mod string
}

func (w want) String() string { return fmt.Sprintf("%q %s %s %s", w.text, w.typ, w.value, w.mod) }

func tagged(t *testing.T, text string, ref time.Time) []want {
	t.Helper()
	tg, err := timex.Default()
	if err != nil {
		t.Fatalf("Default() error = %v", err)
	}
	var got []want
	for _, e := range tg.Tag(text, ref) {
		got = append(got, want{e.Text, string(e.Type), e.Value, e.Mod})
	}
	return got
}

// The sentences are invented: a fictional dispute between two river states, Velmar and Caldora.
func TestTag(t *testing.T) {
	wed := day("2025-02-12") // a Wednesday
	tests := []struct {
		name string
		text string
		ref  time.Time
		want []want
	}{
		// The seeds' expressions.
		{"weekday same day past", "Velmar's prime minister spoke to her Caldoran counterpart on Wednesday.", wed,
			[]want{{"Wednesday", "DATE", "2025-02-12", ""}}},
		{"last week", "The envoy visited both capitals last week.", wed,
			[]want{{"last week", "DATE", "2025-W06", ""}}},
		{"early May", "A second round of talks is planned for early May.", wed,
			[]want{{"early May", "DATE", "2025-05", "START"}}},
		{"season of a year", "The first talks broke down in the spring of 2022.", wed,
			[]want{{"the spring of 2022", "DATE", "2022-SP", ""}}},
		{"since a year", "The dam has been filling since 2019.", wed,
			[]want{{"2019", "DATE", "2019", ""}}},
		{"in a year", "Caldora expects the turbines to run in 2026.", wed,
			[]want{{"2026", "DATE", "2026", ""}}},
		{"some months ago", "The farmers' union warned of a dry season some months ago.", wed,
			[]want{{"some months ago", "DATE", "PAST_REF", ""}}},

		// The tense of the governing verb places a weekday.
		{"past verb after", "On Monday, the foreign minister told reporters the offer stood.", wed,
			[]want{{"Monday", "DATE", "2025-02-10", ""}}},
		{"future verb before", "The two delegations will meet on Friday in Brevik.", wed,
			[]want{{"Friday", "DATE", "2025-02-14", ""}}},
		{"past verb before", "The two delegations met on Friday in Brevik.", wed,
			[]want{{"Friday", "DATE", "2025-02-07", ""}}},
		{"plan reads as future", "Protesters planned a march on Saturday.", wed,
			[]want{{"Saturday", "DATE", "2025-02-15", ""}}},
		{"pluperfect", "The offer had been due to expire on Thursday.", wed,
			[]want{{"Thursday", "DATE", "2025-02-06", ""}}},
		{"last and next", "They spoke last Friday and will speak again next Tuesday.", wed,
			[]want{{"last Friday", "DATE", "2025-02-07", ""}, {"next Tuesday", "DATE", "2025-02-18", ""}}},
		{"weekday fixes the year", "The council met on Monday, Oct. 26 to vote.", day("2026-10-25"),
			[]want{{"Monday, Oct. 26", "DATE", "2026-10-26", ""}}},

		// Relative to the reference.
		{"deictic days", "The gauge rose yesterday and may fall tomorrow.", wed,
			[]want{{"yesterday", "DATE", "2025-02-11", ""}, {"tomorrow", "DATE", "2025-02-13", ""}}},
		{"this and next", "Revenue fell this year and will recover next year.", wed,
			[]want{{"this year", "DATE", "2025", ""}, {"next year", "DATE", "2026", ""}}},
		{"ago", "The treaty was signed two years ago.", wed,
			[]want{{"two years ago", "DATE", "2023", ""}}},
		{"month in the past", "The reservoir began filling in December.", wed,
			[]want{{"December", "DATE", "2024-12", ""}}},
		{"month ahead", "The council will decide in April.", wed,
			[]want{{"April", "DATE", "2025-04", ""}}},
		{"parts of days", "The call came last night and the reply this morning.", wed,
			[]want{{"last night", "TIME", "2025-02-11TNI", ""}, {"this morning", "TIME", "2025-02-12TMO", ""}}},
		{"clock with day", "The deadline passed at 7:15 p.m. on Tuesday.", wed,
			[]want{{"7:15 p.m. on Tuesday", "TIME", "2025-02-11T19:15", ""}}},
		{"vague", "The river is now lower than it was recently.", wed,
			[]want{{"now", "DATE", "PRESENT_REF", ""}, {"recently", "DATE", "PAST_REF", ""}}},

		// Relative to the last date the text established.
		{"narrative", "The talks opened on March 3, 2024. Two days later they broke off, and the following day the envoy left.", wed,
			[]want{{"March 3, 2024", "DATE", "2024-03-03", ""}, {"Two days later", "DATE", "2024-03-05", ""}, {"the following day", "DATE", "2024-03-06", ""}}},
		{"reporting period", "Profit rose in the third quarter from a year earlier.", day("2025-10-20"),
			[]want{{"the third quarter", "DATE", "2025-Q3", ""}, {"a year earlier", "DATE", "2024-Q3", ""}}},
		{"offset from a named day", "The day before last Tuesday's vote, the envoy flew home.", day("2025-02-20"),
			[]want{{"The day before last Tuesday", "DATE", "2025-02-17", ""}}},
		{"week of a day", "A hearing is set for the week of March 6.", day("2025-02-20"),
			[]want{{"the week of March 6", "DATE", "2025-W10", ""}}},
		{"quarter around a day", "Sales fell in the quarter ended Sept. 30.", day("2025-10-20"),
			[]want{{"the quarter", "DATE", "2025-Q3", ""}, {"Sept. 30", "DATE", "2025-09-30", ""}}},

		// Without a reference date only what the text fixes is resolved.
		{"no reference weekday", "The ministers spoke on Wednesday.", time.Time{},
			[]want{{"Wednesday", "DATE", "XXXX-WXX-3", ""}}},
		{"no reference fixed", "The armistice of May 9, 1945 ended the war in 1945.", time.Time{},
			[]want{{"May 9, 1945", "DATE", "1945-05-09", ""}, {"1945", "DATE", "1945", ""}}},
		{"no reference relative", "He left yesterday, after last week's vote.", time.Time{},
			[]want{{"yesterday", "DATE", "XXXX-XX-XX", ""}, {"last week", "DATE", "XXXX-WXX", ""}}},
		{"no reference month", "The flood came in March.", time.Time{},
			[]want{{"March", "DATE", "XXXX-03", ""}}},

		// Lengths and recurrences.
		{"durations", "The blockade lasted almost six hours; the talks paused for a minute and a half within three days.", wed,
			[]want{{"almost six hours", "DURATION", "PT6H", "LESS_THAN"}, {"a minute and a half", "DURATION", "PT1M30S", ""}, {"three days", "DURATION", "P3D", ""}}},
		{"fractional years", "The filling will take one and a half years.", wed,
			[]want{{"one and a half years", "DURATION", "P18M", ""}}},
		{"adjective duration", "Caldora proposed a seven-year schedule.", wed,
			[]want{{"seven-year", "DURATION", "P7Y", ""}}},
		{"vague duration", "The river has been low for several years.", wed,
			[]want{{"several years", "DURATION", "PXY", ""}}},
		{"sets", "Engineers read the gauges daily and report every Monday.", wed,
			[]want{{"daily", "SET", "P1D", ""}, {"every Monday", "SET", "XXXX-WXX-1", ""}}},

		// Periods and their parts.
		{"decades", "Farming boomed in the late 1970s and shrank through the nineties.", wed,
			[]want{{"the late 1970s", "DATE", "197X", "END"}, {"the nineties", "DATE", "199X", ""}}},
		{"mid", "The bridge reopened in mid-2023.", wed,
			[]want{{"mid-2023", "DATE", "2023", "MID"}}},
		{"end of year", "The panel reports by the end of the year.", wed,
			[]want{{"the end of the year", "DATE", "2025", "END"}}},
		{"holiday", "The river froze on Christmas Eve 2024.", wed,
			[]want{{"Christmas Eve 2024", "DATE", "2024-12-24", ""}}},
		{"spoken year", "The last drought was in nineteen ninety-six.", wed,
			[]want{{"nineteen ninety-six", "DATE", "1996", ""}}},

		// What looks temporal and is not.
		{"age", "A 6-year-old girl and her 52-year-old father crossed the bridge.", wed, nil},
		{"rate", "The flow fell to 950 cubic metres per second.", wed, nil},
		{"rate of money", "The dam earns $2 million a year, up from $1 million a year ago.", wed,
			[]want{{"a year ago", "DATE", "2024", ""}}},
		{"fraction", "About three-quarters of the farms and a half of the wells dried up.", wed, nil},
		{"modal may", "The council may meet soon.", wed, nil},
		{"name", "Foreign Minister Jan Kavan signed.", wed, nil},
		{"ordinal second", "A second round could follow.", wed, nil},
		{"dateline", "BREVIK, May 13 (Xinhua) -- The talks resumed.", wed, nil},
		{"comparison", "Salt reached the pumps weeks earlier than usual.", wed, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tagged(t, tt.text, tt.ref)
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Tag(%q, %s)\n got %v\nwant %v", tt.text, tt.ref.Format(time.DateOnly), got, tt.want)
			}
		})
	}
}

func TestTagOffsets(t *testing.T) {
	text := "Velmar’s envoy – who arrived on Monday – leaves “next week”."
	tg, err := timex.Default()
	if err != nil {
		t.Fatal(err)
	}
	got := tg.Tag(text, day("2025-02-12"))
	if len(got) != 2 {
		t.Fatalf("Tag found %d expressions, want 2: %v", len(got), got)
	}
	for _, e := range got {
		if text[e.Start:e.End] != e.Text {
			t.Errorf("text[%d:%d] = %q, want %q", e.Start, e.End, text[e.Start:e.End], e.Text)
		}
	}
}

// TestTagConcurrent tags from several goroutines at once, as analyze does; run with -race.
func TestTagConcurrent(t *testing.T) {
	texts := []string{
		"The talks opened on March 3, 2024. Two days later they broke off.",
		"On Monday, the minister said he will fly to Brevik next Tuesday at 7:15 p.m.",
		"Profit rose in the third quarter from a year earlier, the company said on Oct. 20.",
	}
	ref := day("2025-02-12")
	tg, err := timex.Default()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]string, len(texts))
	for k, text := range texts {
		want[k] = fmt.Sprint(tg.Tag(text, ref))
	}
	errs := make(chan string, 8*len(texts))
	done := make(chan struct{})
	for g := 0; g < 8; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for k, text := range texts {
				if got := fmt.Sprint(tg.Tag(text, ref)); got != want[k] {
					errs <- got
				}
			}
		}()
	}
	for g := 0; g < 8; g++ {
		<-done
	}
	close(errs)
	for got := range errs {
		t.Errorf("concurrent Tag gave %s", got)
	}
}

func TestNewUnknownLanguage(t *testing.T) {
	if _, err := timex.New("xx"); !errors.Is(err, timex.ErrLanguage) {
		t.Errorf("New(%q) error = %v, want ErrLanguage", "xx", err)
	}
}

// valueRE accepts the TIMEX3 values the tagger writes.
var valueRE = regexp.MustCompile(`^(` +
	`PRESENT_REF|PAST_REF|FUTURE_REF` +
	`|P(T?)([0-9]+(\.[0-9]+)?|X)(Y|M|W|D|H|S|Q|WE|DE|CE|ML)` +
	`|PT[0-9]+[HM][0-9]+[MS]` +
	`|[0-9]{2}|[0-9]{3}X|XX|XXX|X|[0-9]` +
	`|([0-9]{4}|XXXX)(-(H[12X]|Q[1-4X]|SP|SU|FA|WI|W([0-9]{2}|XX)(-WE|-[1-7])?|([0-9]{2}|XX)(-([0-9]{2}|XX))?)(T(MO|AF|EV|NI|DT|[0-9]{2}:[0-9]{2}))?)?` +
	`)$`)

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"The talks opened on March 3, 2024. Two days later they broke off.",
		"On Monday, the minister told reporters he will fly to Brevik next Tuesday at 7:15 p.m.",
		"in the late 1970s, mid-2023, the 20th century, nineteen ninety-six, '98 and the '80s",
		"a minute and a half, 2 1/2 years, twenty-four hours, the first nine months, every Monday",
		"the quarter ended Sept. 30, a year earlier, the year-ago quarter, the latest period",
		"BREVIK, May 13 (Xinhua) -- 6-year-old, per second, Jan Kavan, the day before yesterday",
		"", "‘’“”–—", "\xff\xfe May", "31st 1st 2nd of February, 0:00 a.m., 24:59",
	} {
		f.Add(s, int64(0))
		f.Add(s, day("2025-02-12").Unix())
	}
	tg, err := timex.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, refUnix int64) {
		var ref time.Time
		if refUnix != 0 {
			ref = time.Unix(refUnix%(400*365*86400), 0).UTC()
		}
		prev := 0
		for _, e := range tg.Tag(text, ref) {
			if e.Start < prev || e.End <= e.Start || e.End > len(text) {
				t.Fatalf("span [%d,%d) out of order or range (previous end %d, text length %d)", e.Start, e.End, prev, len(text))
			}
			prev = e.End
			if e.Text != text[e.Start:e.End] {
				t.Errorf("Text %q is not text[%d:%d]", e.Text, e.Start, e.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(e.Text) {
				t.Errorf("Text %q splits a character", e.Text)
			}
			switch e.Type {
			case timex.Date, timex.Time, timex.Duration, timex.Set:
			default:
				t.Errorf("Type %q of %q is not a TIMEX3 type", e.Type, e.Text)
			}
			if !valueRE.MatchString(e.Value) {
				t.Errorf("Value %q of %q is not well formed", e.Value, e.Text)
			}
		}
	})
}

// BenchmarkTag tags the news of the temporal benchmark (TimeBank and AQUAINT), read at run time.
func BenchmarkTag(b *testing.B) {
	dir := shared.Dir(b, "bench", "temporal")
	var docs []string
	total := 0
	for _, sub := range []string{"timebank", "aquaint"} {
		paths, err := filepath.Glob(filepath.Join(dir, sub, "docs", "*.txt"))
		if err != nil {
			b.Fatal(err)
		}
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, string(raw))
			total += len(raw)
		}
	}
	if len(docs) == 0 {
		b.Skip("no documents in " + dir)
	}
	tg, err := timex.Default()
	if err != nil {
		b.Fatal(err)
	}
	ref := day("1998-02-06")
	b.SetBytes(int64(total))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		for _, d := range docs {
			n += len(tg.Tag(d, ref))
		}
	}
	b.ReportMetric(float64(n), "exprs/op")
}
