package ui

import (
	"os"
	"testing"

	"xuncha/internal/pgtest"
)

// TestMain gives the tests of shared mode a throwaway PostgreSQL server
// (internal/pgtest), stopped when the tests end.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
