package workbook

import (
	"os"
	"testing"

	"xuncha/internal/pgtest"
)

// TestMain lets XUNCHA_TEST_DB=postgres run the package's tests against a
// throwaway PostgreSQL server (see internal/pgtest), stopped at the end.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
