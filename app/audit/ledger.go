package audit

// The audit log read as a ledger: an entry keeps the state before and
// after a change as JSON (field names of the program's records, in
// English); Ledger says in one line, in Chinese, what changed —
// "人员 P00012 陈小鸿　职务：综合股股长 → 副科长；专业人员库：是 → 否" — and
// Detail writes a whole state as lines of 字段：值. The viewer, the export
// and xuncha audit list all read the log through them.

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"xuncha/model"
)

// fieldNames are the Chinese names of the fields the log's states hold:
// the records' fields (model), the settings' keys, and the fields of the
// few other values written there (a saved roster's members, an import's
// counts). A field named here in Chinese already, or not found, shows as
// it is. nameOf says how Name reads for each kind of record.
var fieldNames = map[string]string{
	// 县区, 单位, 班子成员
	"Code": "编码", "CountyCode": "县区", "Category": "单位类别", "ParentCode": "上级单位",
	"UnitCode": "单位", "Post": "职务", "IDNumber": "身份证号", "Leaders": "领导班子成员", "Children": "下级单位",
	// 人员
	"Gender": "性别", "BirthDate": "出生日期", "HomeCountyCode": "工作关系地", "NativePlace": "籍贯",
	"CurrentUnitCode": "现工作单位", "Rank": "职级", "InLeaderPool": "组长库", "InStaffPool": "工作人员库",
	"InExpertPool": "专业人员库", "FullTime": "专职", "Skills": "专业特长", "Status": "状态", "PromotedOn": "新提拔日期",
	"History": "工作经历", "Relatives": "亲属关系", "Declarations": "回避申报", "Service": "巡察经历",
	"StartDate": "起始日期", "EndDate": "结束日期", "Relation": "关系", "RelativePerson": "亲属人员编号",
	"IsUnitLeadership": "班子成员", "Reason": "理由", "PersonCode": "人员",
	// 届期, 轮次, 巡察组
	"TermCode": "届期", "Scope": "覆盖范围", "Number": "序号", "Type": "巡察类型", "Mode": "编组方式",
	"PrepStart": "准备开始", "OnsiteStart": "进驻开始", "OnsiteEnd": "进驻结束", "ReportEnd": "报告",
	"FeedbackDate": "反馈", "RectifyDue": "整改报告期限", "CheckDate": "督查验收", "RoundCode": "轮次",
	"Seq": "组序", "ReportReceived": "整改报告收到", "round": "轮次", "teams": "巡察组", "team": "巡察组",
	"units": "被巡察单位", "Units": "被巡察单位", "copiedFrom": "复制自",
	"Links": "联动轮次", "JointUnits": "巡审联动单位", "JointCategories": "巡审联动单位类别",
	// 领域, 重点等级, 巡察规划
	"Sectors": "领域", "Priority": "重点等级", "Year": "计划年度", "RoundNo": "计划轮次",
	// 编组记录, 回避豁免
	"Team": "巡察组", "Person": "人员", "Role": "角色", "Evaluation": "鉴定", "Comment": "评语", "Locked": "锁定",
	"Rule": "规则", "Approver": "批准人", "EnteredBy": "录入人", "EnteredAt": "录入时间", "ApprovedAt": "批准时间",
	// 用户, 设置
	"FailedLogins": "连续输错次数", "LockedUntil": "锁定至", "Key": "项", "Value": "值",
	"Years": "曾任职回避年限", "LongStintYears": "组长副组长任职年限", "Depth": "上下级单位层级",
	"RemoteRoles": "须异地产生的角色", "Severity": "规则级别",
	"prep_days": "准备天数", "onsite_days": "进驻天数", "report_days": "报告天数", "feedback_days": "反馈天数",
	"rectify_days": "整改天数", "check_days": "督查验收天数", "non_working_days": "非工作日",
	"rows": "巡察组组成", "role": "角色", "count": "人数", "origin": "来源", "local": "本县", "pools": "人员库", "fullTimeOnly": "仅专职",
	"requiredSkills": "必备专业特长", "maxPerCounty": "同一外县人数上限", "skillsByCategory": "按单位类别的专业特长",
	"searchLimit": "搜索上限", "coverage_kinds": "计入全覆盖的巡察类型", "repeat_kinds": "提示重复巡察的类型", "sectors": "领域列表",
	// 人员库的历年变化 (状态历史, 培训记录, 社会关系, 鉴定), 回避申报的处理
	"RecommendUnitCode": "推荐单位", "JoinedOn": "入库日期", "StatusReason": "状态原因",
	"Date": "日期", "At": "时间", "Old": "原状态", "New": "新状态", "User": "用户", "Source": "来源",
	"Hours": "学时", "TiePerson": "关系人人员编号", "EvalState": "鉴定状态", "Grade": "鉴定等次",
	"Handling": "处理", "Handler": "处理人", "HandlingReason": "处理理由",
	"RefusedBy": "驳回人", "RefusedAt": "驳回时间", "RefuseReason": "驳回理由",
	"WithdrawnBy": "撤销人", "WithdrawnAt": "撤销时间", "WithdrawReason": "撤销理由", "ClueRight": "线索管理权限",
	// 巡察成果 (节点, 问题, 整改措施, 线索), as their sheets name them
	"Kind": "节点", "Recorder": "记录人", "Description": "问题描述", "FoundOn": "发现日期", "OnTheSpot": "立行立改",
	"FindingCode": "问题编号", "Measure": "整改措施", "Dept": "责任部门", "Owner": "责任人", "Due": "完成时限",
	"State": "状态", "DoneOn": "完成日期", "Review": "审核结果", "Reviewer": "审核人", "ClosedOn": "销号日期",
	"Note": "备注", "Progress": "整改进展", "Level": "涉及人员级别", "Receiver": "移交对象", "HandedOn": "移交日期",
	"FeedbackDue": "反馈时限", "FeedbackOn": "反馈日期", "Outcome": "处置结果", "Opened": "立案人数",
	"Sanctioned": "处分人数", "Judiciary": "移送司法人数",
	// 导入
	"Sheet": "工作表", "Added": "新增", "Updated": "更新", "Unchanged": "未变", "Rejected": "拒绝",
	"Entity": "对象", "Conflicted": "冲突",
}

// nameOf is how Name reads for an entity: 姓名 of a person, 名称 of the
// rest.
func nameOf(entity string) string {
	switch entity {
	case "人员", "用户":
		return "姓名"
	case "巡察组":
		return "组名"
	}
	return "名称"
}

// hidden are the fields a reader of the log does not need: row numbers
// and hashes.
var hidden = []string{"ID", "TeamID", "PasswordHash", "PrevHash", "Hash"}

// links are the fields by which a record links to another; the log holds
// them empty (null), and then they are left out.
var links = []string{"Person", "Unit", "Team", "Round", "Term", "County", "HomeCounty", "CurrentUnit", "Parent"}

// skipped reports whether a field is left out of the ledger.
func skipped(key string, raw json.RawMessage) bool {
	return slices.Contains(hidden, key) || (slices.Contains(links, key) && string(raw) == "null")
}

// entityFieldNames name the fields whose name differs by record: the
// category of a finding or a clue is not a unit's.
var entityFieldNames = map[string]map[string]string{
	"问题":   {"Category": "问题类别", "Code": "问题编号"},
	"线索":   {"Category": "线索类别", "Code": "线索编号"},
	"整改措施": {"Code": "整改编号"},
	"轮次":   {"Level": "组织方式"},
	"县区":   {"Level": "级别"},
}

// FieldName is the Chinese name of a field of entity's states.
func FieldName(entity, field string) string {
	if field == "Name" {
		return nameOf(entity)
	}
	if n, ok := entityFieldNames[entity][field]; ok {
		return n
	}
	if n, ok := fieldNames[field]; ok {
		return n
	}
	return field
}

// field is one field of a state as the ledger shows it: its Chinese name
// and its value, or, for a list of records, one line per record.
type field struct {
	name  string
	value string
	items []string // a list of records, each written on one line
	list  bool
}

// state reads a state (JSON) into its fields in the order written: the
// fields of a record and of the records it wraps (a person's detail wraps
// the person). ok is false when s is not a JSON object.
func state(entity, key, s string) (fs []field, ok bool) {
	if t := strings.TrimSpace(s); strings.HasPrefix(t, "[") && json.Valid([]byte(t)) {
		f := field{} // a list of records: a roster's members, an import's sheets
		f.value, f.items, f.list = value(entity, key, json.RawMessage(t))
		return []field{f}, true
	}
	var v orderedObject
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return nil, false
	}
	var add func(o orderedObject, depth int)
	add = func(o orderedObject, depth int) {
		for _, kv := range o {
			if skipped(kv.key, kv.raw) {
				continue
			}
			var inner orderedObject
			if depth < 1 && json.Unmarshal(kv.raw, &inner) == nil && inner != nil {
				add(inner, depth+1) // Person in a person's detail, round in a deleted round
				continue
			}
			f := field{name: FieldName(entity, kv.key)}
			f.value, f.items, f.list = value(entity, key, kv.raw)
			fs = append(fs, f)
		}
	}
	add(v, 0)
	return fs, true
}

// value writes a field's value: 是/否, （空）, a list of words joined with
// 、, a list of records one line each, an object as its fields.
func value(entity, key string, raw json.RawMessage) (string, []string, bool) {
	var x any
	d := json.NewDecoder(strings.NewReader(string(raw)))
	d.UseNumber()
	if err := d.Decode(&x); err != nil {
		return string(raw), nil, false
	}
	switch v := x.(type) {
	case nil:
		return "（空）", nil, false
	case bool:
		return yesNo(v), nil, false
	case string:
		if v == "" {
			return "（空）", nil, false
		}
		return v, nil, false
	case json.Number:
		return v.String(), nil, false
	case []any:
		if len(v) == 0 {
			return "（无）", nil, true
		}
		if _, obj := v[0].(map[string]any); !obj {
			words := make([]string, len(v))
			for i, w := range v {
				words[i] = scalar(w)
			}
			return strings.Join(words, "、"), nil, false
		}
		var items []json.RawMessage
		json.Unmarshal(raw, &items)
		out := make([]string, len(items))
		for i, it := range items {
			out[i] = lineOf(entity, key, it)
		}
		return "", out, true
	}
	return lineOf(entity, key, raw), nil, false
}

// lineOf writes a record of a list on one line: its fields' values,
// named when they are not codes or dates, leaving out the link to the
// record the list belongs to.
func lineOf(entity, key string, raw json.RawMessage) string {
	var o orderedObject
	if json.Unmarshal(raw, &o) != nil {
		return string(raw)
	}
	var parts []string
	for _, kv := range o {
		if skipped(kv.key, kv.raw) {
			continue
		}
		v, items, list := value(entity, key, kv.raw)
		switch {
		case list:
			v = fmt.Sprintf("%d 项", len(items))
		case v == "（空）" || v == "否" || v == key:
			continue
		case v == "是":
			v = FieldName(entity, kv.key)
		case kv.key != "Name" && kv.key != "Code" && !strings.HasSuffix(kv.key, "Code") && !strings.HasSuffix(kv.key, "Date"):
			v = FieldName(entity, kv.key) + "：" + v
		}
		parts = append(parts, v)
	}
	return strings.Join(parts, " ")
}

func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return "（空）"
	case bool:
		return yesNo(x)
	case string:
		return x
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

// Ledger says in one line what entry e did, for the viewer's list, the
// export and xuncha audit list: the object's code and name, then for a
// change each field that differs (职务：科员 → 副科长; a list: 增 …；删 …),
// for a new or removed record its main fields, for anything else its
// text. It is at most summaryLimit characters.
func Ledger(e model.AuditEntry) string {
	return clipRunes(ledger(e.Entity, e.Key, e.Before, e.After), summaryLimit)
}

func ledger(entity, key, before, after string) string {
	if before == "null" { // a list that was empty, stored as JSON's null
		before = ""
	}
	if after == "null" {
		after = ""
	}
	b, bok := state(entity, key, before)
	a, aok := state(entity, key, after)
	head := heading(entity, key, b, a)
	var body string
	switch {
	case before == "" && after == "":
		return strings.TrimSpace(head)
	case bok && aok:
		body = diff(b, a)
	case before == "" && aok:
		body = "新：" + brief(a)
	case after == "" && bok:
		body = "原：" + brief(b)
	case bok && after != "":
		body = "原：" + brief(b) + "；新：" + oneLine(after)
	case aok:
		body = "原：" + oneLine(before) + "；新：" + brief(a)
	case before == "":
		body = oneLine(after)
	case after == "":
		body = "原：" + oneLine(before)
	default:
		body = oneLine(before) + " → " + oneLine(after)
	}
	return strings.TrimSpace(head + "　" + body)
}

// heading names the object: its kind, code and name.
func heading(entity, key string, states ...[]field) string {
	parts := []string{entity}
	if key != "" {
		parts = append(parts, key)
	}
	name := nameOf(entity)
	for _, fs := range states {
		for _, f := range fs {
			if f.name == name && f.value != "（空）" && f.value != key {
				return strings.Join(append(parts, f.value), " ")
			}
		}
	}
	return strings.Join(parts, " ")
}

// diff lists the fields that differ between two states, in the order of
// the state after.
func diff(b, a []field) string {
	old := map[string]field{}
	for _, f := range b {
		old[f.name] = f
	}
	seen := map[string]bool{}
	var parts []string
	for _, f := range a {
		seen[f.name] = true
		o, had := old[f.name]
		switch {
		case !had:
			parts = append(parts, named(f.name, shownValue(f)))
		case f.list || o.list:
			if d := listDiff(o.items, f.items); d != "" {
				parts = append(parts, named(f.name, d))
			}
		case o.value != f.value:
			parts = append(parts, named(f.name, o.value+" → "+f.value))
		}
	}
	for _, f := range b {
		if !seen[f.name] {
			parts = append(parts, named(f.name, shownValue(f)+" → （无）"))
		}
	}
	if len(parts) == 0 {
		return "无变化"
	}
	return strings.Join(parts, "；")
}

// listDiff says which records a list gained and lost; a record lost and
// one gained that begin with the same word (a code), which no other record
// of the list begins with, are one record changed: "P1 张一 状态：在库 → 暂停".
func listDiff(before, after []string) string {
	added, removed := lacking(after, before), lacking(before, after)
	var changed []string
	for i := 0; i < len(added); i++ {
		k := firstWord(added[i])
		j := slices.IndexFunc(removed, func(r string) bool { return firstWord(r) == k })
		if j < 0 || count(before, k) != 1 || count(after, k) != 1 {
			continue
		}
		changed = append(changed, changedRecord(removed[j], added[i]))
		removed = slices.Delete(removed, j, j+1)
		added = slices.Delete(added, i, i+1)
		i--
	}
	var parts []string
	if len(changed) > 0 {
		parts = append(parts, strings.Join(changed, "、"))
	}
	if len(added) > 0 {
		parts = append(parts, "增 "+strings.Join(added, "、"))
	}
	if len(removed) > 0 {
		parts = append(parts, "删 "+strings.Join(removed, "、"))
	}
	return strings.Join(parts, "，")
}

// lacking are the records of a that b lacks.
func lacking(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// count is how many records begin with word w.
func count(records []string, w string) int {
	n := 0
	for _, r := range records {
		if firstWord(r) == w {
			n++
		}
	}
	return n
}

// changedRecord writes a record changed: the words both have at the
// start, then what differs, before → after.
func changedRecord(old, cur string) string {
	a, b := strings.Fields(old), strings.Fields(cur)
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	// Keep a field's name on the kept side: 状态：在库 → 暂停.
	head := strings.Join(b[:i], " ")
	ra, rb := strings.Join(a[i:], " "), strings.Join(b[i:], " ")
	if name, rest, ok := strings.Cut(rb, "："); ok && strings.HasPrefix(ra, name+"：") {
		head = strings.TrimSpace(head + " " + name + "：")
		ra, rb = strings.TrimPrefix(ra, name+"："), rest
		return head + ra + " → " + rb
	}
	return strings.TrimSpace(head + " " + orNone(ra) + " → " + orNone(rb))
}

func orNone(s string) string {
	if s == "" {
		return "（无）"
	}
	return s
}

// brief lists the main fields of a state: those with a value, at most six.
func brief(fs []field) string {
	var parts []string
	for _, f := range fs {
		v := shownValue(f)
		if v == "（空）" || v == "（无）" || v == "否" {
			continue
		}
		if len(parts) == 6 {
			return strings.Join(parts, "，") + "，…"
		}
		parts = append(parts, named(f.name, v))
	}
	return strings.Join(parts, "，")
}

// named is "name：v", or v for a field without a name (a list that is
// the whole state).
func named(name, v string) string {
	if name == "" {
		return v
	}
	return name + "：" + v
}

// shownValue is a field's value in one line: a short list by its records,
// a long one by its count.
func shownValue(f field) string {
	if f.list {
		switch {
		case len(f.items) == 0:
			return "（无）"
		case len(f.items) <= 3:
			return strings.Join(f.items, "、")
		}
		return fmt.Sprintf("%d 项", len(f.items))
	}
	return clipRunes(f.value, 60)
}

// Detail writes a state of an entry of entity (its Before or After) for
// reading: one line 字段：值 per field, the records of a list each on a line
// of their own; text that is not a record comes back as it is.
func Detail(entity, key, s string) string {
	if s == "" {
		return "（无）"
	}
	fs, ok := state(entity, key, s)
	if !ok {
		return s
	}
	var b strings.Builder
	for _, f := range fs {
		if !f.list {
			fmt.Fprintf(&b, "%s\n", named(f.name, f.value))
			continue
		}
		fmt.Fprintf(&b, "%s\n", named(f.name, fmt.Sprintf("%d 项", len(f.items))))
		for _, it := range f.items {
			fmt.Fprintf(&b, "　· %s\n", it)
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// orderedObject is a JSON object read with its keys in order.
type orderedObject []keyValue

type keyValue struct {
	key string
	raw json.RawMessage
}

// UnmarshalJSON reads an object keeping the order of its keys; it refuses
// anything that is not an object.
func (o *orderedObject) UnmarshalJSON(b []byte) error {
	d := json.NewDecoder(strings.NewReader(string(b)))
	t, err := d.Token()
	if err != nil {
		return err
	}
	if t != json.Delim('{') {
		return fmt.Errorf("不是对象")
	}
	out := orderedObject{}
	for d.More() {
		t, err := d.Token()
		if err != nil {
			return err
		}
		k, _ := t.(string)
		var raw json.RawMessage
		if err := d.Decode(&raw); err != nil {
			return err
		}
		out = append(out, keyValue{k, raw})
	}
	*o = out
	return nil
}
