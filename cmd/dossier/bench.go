package main

import (
	"context"
	"fmt"
	"text/tabwriter"

	"github.com/dossier-news/dossier/pipeline"
)

// benchCommand prints per-stage throughput and peak memory for a set of inputs.
type benchCommand struct {
	*Main
}

func (c *benchCommand) Run(ctx context.Context, args []string) error {
	fs := c.newFlagSet("bench", "[flags] PATH|URL ...")
	repeat := fs.Int("repeat", 3, "times each stage runs over the inputs")
	example := fs.Bool("example", false, "include the built-in example corpus")
	in := c.ingestFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 && !*example {
		fs.Usage()
		return usageError{"no input given (a path, a URL, or --example)"}
	}
	if *repeat < 1 {
		return usageError{fmt.Sprintf("-repeat must be at least 1, got %d", *repeat)}
	}
	docs, err := c.documents(ctx, in, *example, fs.Args())
	if err != nil {
		return err
	}
	timings, failed, err := pipeline.Bench(ctx, docs, *repeat)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(c.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\titems\tMB\tseconds\tMB/s\titems/s\t")
	for _, t := range timings {
		fmt.Fprintf(tw, "%s\t%d\t%.2f\t%.3f\t%.1f\t%.0f\t\n", t.Stage, t.Items, float64(t.Bytes)/1e6,
			t.Elapsed.Seconds(), t.MBPerSecond(), t.ItemsPerSecond())
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(c.Stdout, "one goroutine per stage (figures are per core); %d inputs failed; peak memory %s\n", failed, peakMemory())
	return nil
}
