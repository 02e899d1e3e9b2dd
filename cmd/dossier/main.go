// Command dossier reads news articles from files, feeds, JSON Lines, WARC archives and URLs, and
// turns them into clean articles with their evidence.
//
// Usage:
//
//	dossier analyze [flags] PATH|URL|- ...   one JSON object (or a readable view) per article
//	dossier quotes [flags] PATH|URL|- ...    quotes grouped by speaker
//	dossier eval extraction DIR               score main-text extraction on a benchmark directory
//	dossier eval quotes --gold FILE PATH ...  score quotes and speakers against a gold file
//	dossier eval ner --gold FILE              score the name tagger on a CoNLL file (P/R/F1 per type)
//	dossier bench [flags] PATH ...            per-stage throughput and peak memory
//	dossier train ner [flags]                 train the name tagger on CoNLL-2003 data
//	dossier tag --format conll FILE|-         append a predicted IOB2 tag to each CoNLL token line
//	dossier entities [flags] PATH|URL|- ...   the actors of articles, resolved across them
//	dossier serve [--db FILE] [--addr ADDR]   the JSON API and web UI over the store
//	dossier watch [flags] FEEDS-FILE          poll RSS/Atom feeds (OPML or URL lines) and store new items
//	dossier search [flags] QUERY              full-text search over stored articles and quotes
//	dossier version                           print the version
//
// Run "dossier COMMAND -h" for a command's flags. The exit status is 0 on success, 1 when any input
// failed (every other input is still processed), and 2 for a usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	err := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(exitCode(m.Stderr, err))
}

// Main holds the command's standard streams so that tests can run it in-process.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
}

// usageError is a mistake in the command line; main prints a hint and exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errInputsFailed means some inputs failed and were reported; the others were processed.
var errInputsFailed = errors.New("some inputs failed")

// Run dispatches to the subcommand named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		m.usage()
		return usageError{"no command given"}
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "analyze":
		return (&analyzeCommand{Main: m}).Run(ctx, args)
	case "quotes":
		return (&quotesCommand{Main: m}).Run(ctx, args)
	case "brief":
		return (&briefCommand{Main: m}).Run(ctx, args)
	case "eval":
		return (&evalCommand{Main: m}).Run(ctx, args)
	case "bench":
		return (&benchCommand{Main: m}).Run(ctx, args)
	case "train":
		return (&trainCommand{Main: m}).Run(ctx, args)
	case "tag":
		return (&tagCommand{Main: m}).Run(ctx, args)
	case "entities":
		return (&entitiesCommand{Main: m}).Run(ctx, args)
	case "stories":
		return (&storiesCommand{Main: m}).Run(ctx, args)
	case "serve":
		return (&serveCommand{Main: m}).Run(ctx, args)
	case "add":
		return (&addCommand{Main: m}).Run(ctx, args)
	case "watch":
		return (&watchCommand{Main: m}).Run(ctx, args)
	case "search":
		return (&searchCommand{Main: m}).Run(ctx, args)
	case "version":
		fmt.Fprintln(m.Stdout, "dossier", version)
		return nil
	case "help", "-h", "-help", "--help":
		m.usage()
		return nil
	default:
		m.usage()
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}

func (m *Main) usage() {
	fmt.Fprint(m.Stderr, `dossier turns news articles into clean text and evidence.

Commands:
  analyze   write one JSON object (or a readable view) per article
  quotes    print who said what, grouped by speaker
  stories   group articles into stories (a list, or one JSON line per article)
  brief     write the briefing of each story: summary, actors, positions, quotes, timeline, disagreements
  eval      score extraction, the name tagger or quotes against annotated data
  bench     measure per-stage throughput and peak memory
  train     train the name tagger (ner) from annotated data
  tag       tag tokens one per line (CoNLL columns) with names
  add       store and analyse articles in the database, skipping those already stored
  entities  list the actors of articles with their roles and article and outlet counts
  serve     serve the stored stories: a JSON API and a web UI (--example for the built-in corpus)
  watch     poll feeds on a schedule and store their new items (--status: how each feed is doing)
  search    search the stored articles and quotes, with filters by speaker, actor, outlet, issue, date
  version   print the version

Run "dossier COMMAND -h" for a command's flags.
`)
}

func (m *Main) logger() *slog.Logger {
	return slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
}

// newFlagSet returns a flag set that reports errors instead of exiting, so Run stays testable.
func (m *Main) newFlagSet(name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "usage: dossier %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning a bad flag into a usageError and -h into a clean exit.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return flag.ErrHelp
		}
		return usageError{err.Error()}
	}
	return nil
}

func exitCode(stderr io.Writer, err error) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "dossier: %v\n", err)
		return 2
	case errors.Is(err, errInputsFailed):
		return 1 // each failure was already reported on its own line
	default:
		fmt.Fprintf(stderr, "dossier: %v\n", err)
		return 1
	}
}
