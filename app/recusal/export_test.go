package recusal

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/app/snap"
)

// readSheet returns the rows of sheet sh of the workbook at path.
func readSheet(t *testing.T, path, sh string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sh)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestWriteXLSX(t *testing.T) {
	s := roundWorld("混合编组", snap.Override{Round: "2026-1", Team: "第一巡察组", Person: "P01", Rule: R1,
		Unit: "U01", Approved: true, Approver: "周领导"})
	c := New(s, Defaults())
	full := c.Report(&s.Rounds[0], c.Round(&s.Rounds[0]))
	// keep only the hits of 第一巡察组, as a screen filter would
	sub := *full
	sub.Rows = slices.DeleteFunc(slices.Clone(full.Rows), func(r Row) bool { return r.Team != "第一巡察组" })
	if len(sub.Rows) == 0 || len(sub.Rows) == len(full.Rows) {
		t.Fatalf("planted round: %d of %d rows on 第一巡察组", len(sub.Rows), len(full.Rows))
	}

	cases := []struct {
		name   string
		rep    *Report
		filter string
	}{
		{"整轮全部", full, ""},
		{"筛选后的第一巡察组", &sub, "巡察组 第一巡察组"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "回避报告.xlsx")
			if err := tc.rep.WriteXLSX(path, tc.filter); err != nil {
				t.Fatal(err)
			}
			rows := readSheet(t, path, SheetHits)
			if !slices.Equal(rows[0], HitHeader) {
				t.Errorf("header = %v", rows[0])
			}
			if len(rows)-1 != len(tc.rep.Rows) {
				t.Fatalf("%d rows written, want %d", len(rows)-1, len(tc.rep.Rows))
			}
			for i, want := range tc.rep.Rows {
				got := rows[i+1]
				got = append(got, make([]string, len(HitHeader)-len(got))...)
				if got[0] != string(want.Severity) || got[1] != want.Rule || got[3] != want.Team ||
					got[4] != want.Person || got[5] != want.PersonName || got[7] != want.Unit ||
					got[10] != RolesText(want.Hit) || got[12] != want.Reason {
					t.Errorf("row %d = %v, want %+v", i+2, got, want)
				}
				if (got[11] == "已豁免") != want.Overridden {
					t.Errorf("row %d 豁免 = %q, overridden %v", i+2, got[11], want.Overridden)
				}
			}
			sum := readSheet(t, path, SheetSummary)
			counts := tc.rep.Summary()
			if len(sum)-1 != len(counts) {
				t.Fatalf("summary has %d rows, want %d", len(sum)-1, len(counts))
			}
			total := 0
			for _, c := range counts {
				total += c.Hits
			}
			if total != len(tc.rep.Rows) {
				t.Errorf("summary counts %d hits, report has %d", total, len(tc.rep.Rows))
			}
			about := readSheet(t, path, SheetAbout)
			if about[0][1] != "2026-1" || !strings.Contains(about[3][1], strings.TrimSpace(tc.filter)) {
				t.Errorf("说明 = %v", about)
			}
		})
	}
}

func TestWriteXLSXMarksOverride(t *testing.T) {
	s := roundWorld("混合编组", snap.Override{Round: "2026-1", Team: "第一巡察组", Person: "P01", Rule: R1,
		Unit: "U01", Approved: true})
	c := New(s, Defaults())
	rep := c.Report(&s.Rounds[0], c.Round(&s.Rounds[0]))
	path := filepath.Join(t.TempDir(), "r.xlsx")
	if err := rep.WriteXLSX(path, ""); err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, r := range readSheet(t, path, SheetHits)[1:] {
		if len(r) > 11 && r[11] == "已豁免" {
			marked = append(marked, r[4]+"/"+r[7]+"/"+r[1])
		}
	}
	if !slices.Equal(marked, []string{"P01/U01/R1"}) {
		t.Errorf("rows marked 已豁免: %v", marked)
	}
}
