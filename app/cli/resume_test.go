package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"xuncha/app/vocab"
	"xuncha/internal/testworld"
	"xuncha/model"
)

// plantResumeDB is a person who served in two rounds (a confirmed grade, a
// proposed one) and attended a training, and a colleague never drafted.
func plantResumeDB(t *testing.T) string {
	return testworld.File(t, "履历.db",
		&model.County{Code: "C01", Name: "安平县"},
		&model.Unit{Code: "U01", Name: "安平镇", CountyCode: "C01", Category: vocab.CatTownship},
		&model.Unit{Code: "U02", Name: "县财政局", CountyCode: "C01", Category: vocab.CatCountyOrgan},
		&model.Person{Code: "P1", Name: "张三", Gender: "男", BirthDate: "1980-05-01", HomeCountyCode: "C01", InStaffPool: true,
			Status: vocab.StatusActive, RecommendUnitCode: testworld.Ptr("U02"), JoinedOn: "2021-03-01"},
		&model.Person{Code: "P2", Name: "李四", HomeCountyCode: "C01", InStaffPool: true, Status: vocab.StatusActive,
			RecommendUnitCode: testworld.Ptr("U02")},
		&model.Term{Code: "T1", StartDate: "2024-01-01", EndDate: "2028-12-31"},
		&model.Round{Code: "2025-1", TermCode: "T1", Number: 1, Name: "2025年第一轮", OnsiteStart: "2025-03-01", OnsiteEnd: "2025-04-10"},
		&model.Round{Code: "2025-2", TermCode: "T1", Number: 2, Name: "2025年第二轮", OnsiteStart: "2025-09-01", OnsiteEnd: "2025-10-10"},
		&model.Team{RoundCode: "2025-1", Name: "第一巡察组", Seq: 1},
		&model.Team{RoundCode: "2025-2", Name: "第三巡察组", Seq: 3},
		&model.TeamUnit{TeamID: 1, RoundCode: "2025-1", UnitCode: "U01"},
		&model.TeamUnit{TeamID: 2, RoundCode: "2025-2", UnitCode: "U02"},
		&model.TeamMember{TeamID: 2, PersonCode: "P1", Role: vocab.RoleLeader, Evaluation: "称职", EvalState: vocab.EvalProposed},
		&model.TeamMember{TeamID: 1, PersonCode: "P1", Role: vocab.RoleMember, Evaluation: "优秀", Comment: "发现问题线索多", EvalState: vocab.EvalConfirmed},
		&model.TeamEvaluation{TeamID: 1, Grade: "优秀", State: vocab.EvalConfirmed},
		&model.Training{PersonCode: "P1", Name: "巡察干部培训班", StartDate: "2024-04-01", EndDate: "2024-04-03", Hours: 24},
	)
}

func TestResumeCommand(t *testing.T) {
	db := plantResumeDB(t)
	out, stderr, code := runCLI(t, "resume", "--db", db, "--person", "P1")
	if code != 0 {
		t.Fatalf("resume: exit %d %s", code, stderr)
	}
	for _, want := range []string{"张三 巡察履历（P1）", "共参加巡察 2 轮（成员 1 次，组长 1 次）；培训 1 次 24 学时。",
		"2025年第一轮 第一巡察组 成员（2025-03-01 至 2025-04-10）巡察 安平镇；鉴定 优秀",
		"2025年第二轮 第三巡察组 组长（2025-09-01 至 2025-10-10）巡察 县财政局；鉴定 称职（拟定）", "培训：巡察干部培训班（2024-04-01 至 2024-04-03，24 学时）"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	dir := t.TempDir()
	pdf, xlsx := filepath.Join(dir, "履历.pdf"), filepath.Join(dir, "履历.xlsx")
	if _, stderr, code := runCLI(t, "resume", "--db", db, "--person", "P1", "--pdf", pdf, "--xlsx", xlsx); code != 0 {
		t.Fatalf("resume files: exit %d %s", code, stderr)
	}
	if b, _ := os.ReadFile(pdf); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("no PDF")
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("巡察经历")
	if len(rows) != 3 || rows[1][1] != "2025-1" || rows[1][8] != "优秀" || rows[1][9] != "确定" || rows[1][11] != "优秀" || rows[2][9] != "拟定" {
		t.Errorf("巡察经历 rows: %v", rows)
	}
	if _, stderr, code := runCLI(t, "resume", "--db", db, "--person", "P9"); code != 1 || !strings.Contains(stderr, "P9") {
		t.Errorf("unknown person: exit %d %s", code, stderr)
	}
	if _, _, code := runCLI(t, "resume", "--db", db); code != 2 {
		t.Errorf("no --person: exit %d", code)
	}
}

func TestPoolStatsCommand(t *testing.T) {
	db := plantResumeDB(t)
	xlsx := filepath.Join(t.TempDir(), "统计.xlsx")
	out, stderr, code := runCLI(t, "poolstats", "--db", db, "--day", "2026-06-01", "--xlsx", xlsx)
	if code != 0 {
		t.Fatalf("poolstats: exit %d %s", code, stderr)
	}
	for _, want := range []string{"人员库统计（2026-06-01）", "库内人员（在库、暂停）：2", "本届期已参加巡察：1", "从未抽调：1",
		"按年龄段：45–54岁 1，年龄不详 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if _, err := os.Stat(xlsx); err != nil {
		t.Error(err)
	}
	if _, _, code := runCLI(t, "poolstats", "--db", db, "--day", "昨天"); code != 2 {
		t.Errorf("bad --day: exit %d", code)
	}
}
