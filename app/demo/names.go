package demo

import (
	"math/rand/v2"
)

// weighted is a word with its relative frequency.
type weighted struct {
	s string
	w int
}

// pickWeighted draws one word from ws in proportion to the weights.
func pickWeighted(r *rand.Rand, ws []weighted) string {
	total := 0
	for _, x := range ws {
		total += x.w
	}
	n := r.IntN(total)
	for _, x := range ws {
		if n < x.w {
			return x.s
		}
		n -= x.w
	}
	return ws[len(ws)-1].s
}

// pick draws one word of ss uniformly.
func pick(r *rand.Rand, ss []string) string { return ss[r.IntN(len(ss))] }

// surnames are the common Chinese surnames, weighted by their frequency
// (per mille of the population, roughly).
var surnames = []weighted{
	{"王", 71}, {"李", 70}, {"张", 67}, {"刘", 54}, {"陈", 45}, {"杨", 31}, {"黄", 25}, {"赵", 23},
	{"吴", 20}, {"周", 19}, {"徐", 14}, {"孙", 13}, {"马", 12}, {"朱", 12}, {"胡", 11}, {"郭", 11},
	{"何", 10}, {"林", 9}, {"高", 9}, {"罗", 9}, {"郑", 8}, {"梁", 8}, {"谢", 6}, {"宋", 6},
	{"唐", 6}, {"许", 5}, {"韩", 5}, {"邓", 5}, {"冯", 5}, {"曹", 5}, {"彭", 5}, {"曾", 5},
	{"肖", 5}, {"田", 4}, {"董", 4}, {"潘", 4}, {"袁", 4}, {"蔡", 4}, {"蒋", 4}, {"余", 4},
	{"于", 4}, {"杜", 4}, {"叶", 4}, {"程", 3}, {"魏", 3}, {"苏", 3}, {"吕", 3}, {"丁", 3},
	{"任", 3}, {"卢", 3}, {"姚", 3}, {"沈", 3}, {"钟", 3}, {"姜", 3}, {"崔", 3}, {"谭", 3},
	{"陆", 3}, {"范", 2}, {"汪", 2}, {"廖", 2}, {"石", 2}, {"金", 2}, {"韦", 2}, {"贾", 2},
	{"夏", 2}, {"付", 2}, {"方", 2}, {"邹", 2}, {"熊", 2}, {"白", 2}, {"孟", 2}, {"秦", 2},
	{"邱", 2}, {"侯", 2}, {"江", 2}, {"尹", 2}, {"薛", 2}, {"闫", 2}, {"段", 2}, {"雷", 2},
	{"龙", 2}, {"黎", 2}, {"史", 2}, {"陶", 2}, {"贺", 2}, {"毛", 1}, {"郝", 1}, {"龚", 1},
	{"邵", 1}, {"万", 1}, {"覃", 1}, {"武", 1}, {"钱", 1}, {"戴", 1}, {"严", 1}, {"欧阳", 1},
}

// Characters of given names: for men, for women, and for either.
var (
	maleChars   = []string{"伟", "强", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞", "鑫", "波", "宁", "磊", "峰", "建", "国", "志", "海", "东", "林", "俊", "浩", "宇", "博", "洋", "亮", "成", "龙", "凯", "锋", "彬", "权", "坤", "毅", "鸿", "振", "荣", "忠", "德", "兵", "胜", "军", "利", "庆"}
	femaleChars = []string{"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "婷", "秀", "英", "梅", "琳", "雪", "倩", "颖", "慧", "洁", "红", "萍", "兰", "丹", "璐", "佳", "欣", "悦", "怡", "莉", "琴", "云", "莹", "薇", "婧", "蓉", "岚", "凤", "菲", "媛"}
	eitherChars = []string{"文", "晓", "春", "小", "雨", "子", "思", "嘉", "一", "永", "新", "立", "海", "晨", "玉", "金", "利", "家", "建", "秋", "红", "志", "丽", "少", "学"}
)

// givenName draws a given name of one or two characters.
func givenName(r *rand.Rand, male bool) string {
	own := femaleChars
	if male {
		own = maleChars
	}
	if r.IntN(5) == 0 {
		return pick(r, own)
	}
	first := pick(r, own)
	if r.IntN(2) == 0 {
		first = pick(r, eitherChars)
	}
	return first + pick(r, own)
}

// fullName draws a full name with surname sur ("" draws one).
func fullName(r *rand.Rand, sur string, male bool) string {
	if sur == "" {
		sur = pickWeighted(r, surnames)
	}
	return sur + givenName(r, male)
}

// surnameOf returns the surname part of a name made by fullName.
func surnameOf(name string) string {
	if len(name) >= 6 && name[:6] == "欧阳" {
		return "欧阳"
	}
	for _, s := range name {
		return string(s)
	}
	return ""
}

// The twelve counties of the imaginary city of the city-scale data set.
var cityCounties = []string{
	"城关区", "东湖区", "西山区", "安平县", "永宁县", "临河县",
	"青石县", "白沙县", "长乐县", "凤台县", "宁远县", "清水县",
}

// Syllables the province's county names are built from.
var (
	countyFirst  = []string{"安", "永", "临", "青", "白", "长", "凤", "宁", "清", "平", "新", "兴", "德", "泰", "华", "建", "龙", "云", "石", "金", "玉", "太", "丰", "和", "通", "吉", "庆", "宜", "嘉", "武", "文", "崇", "桃", "松", "柳", "江", "溪", "湘", "沅", "宝"}
	countySecond = []string{"平", "宁", "阳", "安", "丰", "山", "江", "源", "川", "城", "溪", "河", "泉", "化", "德", "水", "远", "州", "林", "乡"}
)

// Township names (without 镇/乡/街道) and village and community names.
var (
	townshipNames  = []string{"城关", "新城", "东关", "西关", "南湖", "北山", "石桥", "柳林", "桃源", "黄田", "白石", "青山", "龙泉", "马坪", "杨柳", "双河", "三合", "高桥", "大坪", "长岭", "龙潭", "金竹", "沙坝", "花园", "凤凰", "永安", "太平", "兴隆", "红星", "向阳", "水口", "樟树", "梅林", "松柏", "云台", "古城"}
	villagePlaces  = []string{"石桥", "柳树", "杨庄", "王庄", "枫树", "竹林", "河口", "塘坪", "新田", "上湾", "下湾", "油茶", "茶园", "梨树", "高坡", "山口", "水井", "良田", "东岭", "西坪", "大塘", "小溪", "松林", "桂花", "长冲", "岩门", "黄泥", "白果", "铁炉", "荷塘"}
	communityNames = []string{"和平", "新华", "建设", "幸福", "光明", "人民", "团结", "解放", "向阳", "朝阳", "东方", "育才", "文化", "滨江", "锦绣", "阳光"}
)

// The units a county has, by category: the name after the county's name and
// the title of the unit's head.
type unitKind struct {
	name, head string
}

var (
	countyOrgans = []unitKind{
		{"财政局", "局长"}, {"教育局", "局长"}, {"住房和城乡建设局", "局长"}, {"自然资源局", "局长"},
		{"交通运输局", "局长"}, {"水利局", "局长"}, {"农业农村局", "局长"}, {"卫生健康局", "局长"},
		{"民政局", "局长"}, {"人力资源和社会保障局", "局长"}, {"商务局", "局长"}, {"文化旅游广电体育局", "局长"},
		{"市场监督管理局", "局长"}, {"审计局", "局长"}, {"统计局", "局长"}, {"应急管理局", "局长"},
		{"林业局", "局长"}, {"医疗保障局", "局长"}, {"退役军人事务局", "局长"}, {"司法局", "局长"},
		{"发展和改革局", "局长"}, {"工业和信息化局", "局长"}, {"科学技术局", "局长"}, {"信访局", "局长"},
		{"城市管理综合执法局", "局长"}, {"数据资源局", "局长"},
	}
	institutions = []unitKind{
		{"人民医院", "院长"}, {"中医医院", "院长"}, {"妇幼保健院", "院长"}, {"第一中学", "校长"},
		{"第二中学", "校长"}, {"职业中等专业学校", "校长"}, {"疾病预防控制中心", "主任"}, {"融媒体中心", "主任"},
		{"不动产登记中心", "主任"}, {"公共资源交易中心", "主任"}, {"社会保险事业服务中心", "主任"}, {"图书馆", "馆长"},
	}
	stateFirms = []unitKind{
		{"城市建设投资集团有限公司", ""}, {"供水有限公司", ""}, {"交通建设投资有限公司", ""},
		{"国有资产经营有限公司", ""}, {"农业发展投资有限公司", ""}, {"公共交通有限公司", ""},
		{"粮食购销有限公司", ""}, {"文化旅游发展有限公司", ""},
	}
	// otherUnits: %s is the county's name. The first is the county's
	// inspection office, where the full-time staff work; it is never
	// inspected itself.
	otherUnits = []unitKind{
		{"中共%s委巡察工作领导小组办公室", "主任"}, {"%s总工会", "主席"}, {"%s妇女联合会", "主席"},
		{"%s工商业联合会", "主席"}, {"%s科学技术协会", "主席"}, {"共青团%s委员会", "书记"},
		{"%s红十字会", "会长"}, {"%s残疾人联合会", "理事长"},
	}
)

// Declared conflicts (回避申报).
var declarationReasons = []string{
	"本人曾在该单位挂职锻炼一年",
	"与该单位主要负责人系大学同学，交往密切",
	"配偶的表兄在该单位下属公司任职",
	"本人曾参与该单位重点项目的评审工作",
	"与该单位分管财务的负责人系同乡且私交较深",
	"本人子女在该单位实习",
	"曾与该单位负责人共同承办业务，存在利益关联",
	"本人原在该单位借调工作，尚未满三年",
}
