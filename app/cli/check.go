package cli

import (
	"fmt"
	"io"
	"strings"

	"xuncha/app"
	"xuncha/app/civil"
	"xuncha/app/outfile"
	"xuncha/app/recusal"
)

// runCheck is `xuncha check`: the recusal hits of one person against one
// unit or one team of a round, or of a whole round (as a summary, or as
// SPEC §6.3's JSON).
func runCheck(env *Env, args []string) error {
	fs := newFlags(env, "check")
	db := fs.String("db", "", "数据库文件")
	person := fs.String("person", "", "人员编号")
	unit := fs.String("unit", "", "单位编码")
	role := fs.String("role", "", "角色（组长、副组长、专职工作人员、联络员、成员）")
	date := fs.String("date", "", "进驻开始日期 2006-01-02（默认今天）")
	round := fs.String("round", "", "轮次编码")
	team := fs.String("team", "", "巡察组名称（与 --person、--round 同用：一人对一个巡察组，含同组成员）")
	out := fs.String("json", "", "把回避结果写成 JSON 文件")
	roster := fs.Bool("roster", false, "检查已保存的编组名单（含同组亲属、同单位）")
	focus := fs.Bool("focus", false, "与 --round 同用：逐条列出重点（已编入人员的回避、排除了本可编入候选人的回避），其余每人每县（R4、R4b）或每组一行；--json 仍写出全部")
	if err := parseFlagsOnly(fs, args); err != nil {
		return err
	}
	switch {
	case *team != "" && (*person == "" || *round == "" || *unit != ""):
		return usagef("--team 须与 --person 和 --round 同用，不能与 --unit 同用")
	case *team != "" && (*out != "" || *roster || *focus):
		return usagef("--json、--roster 与 --focus 只用于整轮检查")
	case *round != "" && *team == "" && (*person != "" || *unit != ""):
		return usagef("--round 不能与 --person/--unit 同时使用")
	case *round != "" && *team == "":
		return checkRound(env, *db, *round, *out, *roster, *focus)
	case *team == "" && (*person == "" || *unit == ""):
		return usagef("需要 --person 和 --unit，或 --round")
	case *out != "" || *roster || *focus:
		return usagef("--json、--roster 与 --focus 只用于 --round")
	}
	ref, err := civil.Parse(*date)
	if err != nil {
		return usagef("--date: %v", err)
	}
	svc, err := env.openAs(*db, app.PermRead)
	if err != nil {
		return err
	}
	defer svc.Close()
	var hits []recusal.Hit
	if *team != "" {
		hits, _, err = svc.CheckTeam(*person, *round, *team, *role, ref)
	} else {
		hits, err = svc.CheckPerson(*person, *unit, *role, ref)
	}
	if err != nil {
		return err
	}
	if len(hits) == 0 {
		fmt.Fprintln(env.Stdout, "无回避")
		return nil
	}
	for _, h := range hits {
		fmt.Fprintln(env.Stdout, h.String())
	}
	return nil
}

func checkRound(env *Env, db, round, out string, roster, focus bool) error {
	svc, err := env.openWriting(db, app.PermRead, out)
	if err != nil {
		return err
	}
	defer svc.Close()
	rep, f, err := svc.FocusRound(round, roster)
	if err != nil {
		return err
	}
	if out != "" {
		err := outfile.Write(out, outfile.Document, func(w io.Writer) error { return recusal.WriteJSON(w, rep.Round, rep.Hits()) })
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已写出 %d 条回避结果到 %s\n", len(rep.Rows), out)
		if !focus {
			return nil
		}
	}
	what := "全部在库人员对各巡察组"
	if roster {
		what = "已保存的编组名单"
	}
	fmt.Fprintf(env.Stdout, "轮次 %s %s（进驻开始 %s）%s：共 %d 条\n", rep.Round, rep.RoundName, rep.OnsiteStart, what, len(rep.Rows))
	if len(rep.Rows) == 0 {
		fmt.Fprintln(env.Stdout, "无回避")
		return nil
	}
	for _, c := range rep.Summary() {
		line := fmt.Sprintf("  %-4s %s %s  %d 条，%d 人", c.Rule, pad(recusal.RuleName(c.Rule), 14), c.Severity, c.Hits, c.People)
		if c.Overridden > 0 {
			line += fmt.Sprintf("，其中已豁免 %d 条", c.Overridden)
		}
		fmt.Fprintln(env.Stdout, line)
	}
	fmt.Fprintf(env.Stdout, "重点：%s %d 条，%s %d 条；%s %d 条（合并为 %d 行）\n", recusal.TierRoster, f.Counts[recusal.TierRoster],
		recusal.TierBlocks, f.Counts[recusal.TierBlocks], recusal.TierOther, f.Counts[recusal.TierOther], f.Count(recusal.TierOther))
	if focus {
		printFocused(env, f)
	}
	return nil
}

// printFocused lists the focused report: a heading per tier, a line per
// row (a collapsed row with its teams and the number of hits it stands
// for).
func printFocused(env *Env, f *recusal.Focused) {
	tier := ""
	for _, r := range f.Rows {
		if r.Tier != tier {
			tier = r.Tier
			fmt.Fprintf(env.Stdout, "【%s】\n", tier)
		}
		where := r.Unit + " " + r.UnitName
		if r.Other != "" {
			where = "与 " + r.OtherName + "（" + r.Other + "）"
		}
		teams := strings.Join(r.Teams, "、")
		if r.Hits > 1 {
			where = fmt.Sprintf("%s 等 %d 条", where, r.Hits)
		}
		line := fmt.Sprintf("  %s  %s（%s）  %s %s [%s]  %s  %s", teams, r.PersonName, r.Person, r.Rule, recusal.RuleName(r.Rule), r.Severity, where, r.Reason)
		if r.Overridden {
			line += "（已豁免）"
		}
		fmt.Fprintln(env.Stdout, line)
	}
}

// pad pads s with spaces to w columns, counting a CJK character as two.
func pad(s string, w int) string {
	n := 0
	for _, r := range s {
		if r >= 0x1100 {
			n += 2
		} else {
			n++
		}
	}
	if n >= w {
		return s
	}
	return s + strings.Repeat(" ", w-n)
}
