//go:build !unix

package sqlite_test

import "time"

// cpuTime is not measured where getrusage is missing; BenchmarkStore then reports 0.
func cpuTime() time.Duration { return 0 }
