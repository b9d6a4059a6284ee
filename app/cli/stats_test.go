package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/app/stats"
	"xuncha/internal/docxtext"
)

// demoDB writes the city demonstration data into a new file.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if _, stderr, code := runCLI(t, "demo", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	return db
}

// xuncha stats --json is byte-stable and SPEC §12.2's, for the whole term,
// a year, a county and a 市本级 (golden files); the figures agree
// with each other as the definitions say.
func TestStatsJSONGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("demo data")
	}
	db := demoDB(t)
	for _, c := range []struct {
		golden string
		args   []string
	}{
		{"stats_T15.json", nil},
		{"stats_T15_2026_C01.json", []string{"--year", "2026", "--county", "C01"}},
		{"stats_T15_2025.json", []string{"--year", "2025"}},
		// 市本级 is a jurisdiction like a county: its 24 units, the two
		// city rounds (2026-S1 上下联动 over 5 city units, ended; 2026-S2
		// 巡审联动 over 4, ahead) with their 4 teams and 14 members, 4 of
		// them city cadres (checked by hand against the database).
		{"stats_T15_C00.json", []string{"--county", "C00"}},
	} {
		got := sameTwice(t, func(out string) []string {
			return append([]string{"stats", "--db", db, "--term", "T15", "--today", "2026-11-21", "--json", out}, c.args...)
		})
		matchGolden(t, c.golden, got)
		var rep stats.Report
		if err := json.Unmarshal(got, &rep); err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, n := range rep.People.ByHome {
			sum += n
		}
		if sum != rep.People.Placements || rep.People.Distinct > rep.People.Placements || rep.Coverage.Covered > rep.Coverage.Required {
			t.Errorf("%s: figures disagree: %+v", c.golden, rep.People)
		}
	}
}

// --xlsx, --pdf and --report write the workbook, the report with charts
// and the year's report upward.
func TestStatsFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("demo data")
	}
	db := demoDB(t)
	dir := t.TempDir()
	xlsx, pdf, rep := filepath.Join(dir, "统计.xlsx"), filepath.Join(dir, "统计.pdf"), filepath.Join(dir, "年度汇报.docx")
	out, stderr, code := runCLI(t, "stats", "--db", db, "--term", "T15", "--year", "2026", "--today", "2026-11-21",
		"--xlsx", xlsx, "--pdf", pdf, "--report", rep)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Count(out, "已写入") != 3 {
		t.Errorf("stdout %q", out)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.GetSheetList()); n != 9 {
		t.Errorf("%d sheets", n)
	}
	f.Close()
	text := docxtext.Squeeze(docxtext.PDFText(t, pdf))
	for _, w := range []string{"巡察工作统计报表", "中共清江市第十五届委员会任期（T15），2026年，全部县区", "届内覆盖（按县区）", "城关区"} {
		if !strings.Contains(text, w) {
			t.Errorf("PDF lacks %q", w)
		}
	}
	d, err := docxtext.ReadFile(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"中共清江市委关于2026年度巡察工作情况的报告", "全年共组织巡察", "2026年11月21日"} {
		if !strings.Contains(d.Text(), w) {
			t.Errorf("年度汇报 lacks %q:\n%s", w, d.Text())
		}
	}
}

func TestStatsUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"stats", "--db", db}, 2, "缺少 --term"},
		{[]string{"stats", "--db", db, "--term", "T1", "--year", "二〇二六"}, 2, "不是年份"},
		{[]string{"stats", "--db", db, "--term", "T1", "--report", "r.docx"}, 2, "须给出 --year"},
		{[]string{"stats", "--db", db, "--term", "T1", "--today", "2026/13/01"}, 2, "--today"},
		{[]string{"stats", "--db", db, "--term", "T1"}, 1, "不存在"},
	} {
		_, stderr, code := runCLI(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, %s", c.args, code, stderr)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a database was made")
	}
}
