package docx

import (
	"fmt"
	"strconv"
)

// The fixed parts of the package.

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

const (
	nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
)

const contentTypes = xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
	`</Types>`

const rootRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

const documentRels = xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>` +
	`<Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="rIdFooterOdd" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>` +
	`<Relationship Id="rIdFooterEven" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>` +
	`</Relationships>`

const appProps = xmlHead + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
	`<Application>巡察统筹</Application></Properties>`

// coreProps names the document's title; it has no dates, so that the same
// document gives the same file.
func coreProps(title string) string {
	return xmlHead + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>` + attr(title) + `</dc:title><dc:creator>巡察统筹</dc:creator></cp:coreProperties>`
}

// settings: different footers on odd and even pages (the page number on
// the outside), Chinese line breaking.
const settings = xmlHead + `<w:settings ` + nsW + `><w:zoom w:percent="100"/><w:evenAndOddHeaders/>` +
	`<w:defaultTabStop w:val="420"/><w:characterSpacingControl w:val="compressPunctuation"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`

// fontTable names the fonts with the substitutes a machine without them
// should take.
var fontTable = func() string {
	s := xmlHead + `<w:fonts ` + nsW + `>`
	for _, f := range []struct{ name, alt, charset, family string }{
		{FontBody, "仿宋", "86", "modern"}, {FontTitle, "宋体", "86", "script"}, {FontHei, "SimHei", "86", "modern"},
		{FontKai, "楷体", "86", "modern"}, {FontSong, "SimSun", "86", "auto"}, {FontLatin, "", "00", "roman"},
	} {
		s += `<w:font w:name="` + f.name + `">`
		if f.alt != "" {
			s += `<w:altName w:val="` + f.alt + `"/>`
		}
		s += `<w:charset w:val="` + f.charset + `"/><w:family w:val="` + f.family + `"/><w:pitch w:val="variable"/></w:font>`
	}
	return s + `</w:fonts>`
}()

// footer is the page number, "— 1 —" in 4号 宋体: on odd pages at the
// right, on even pages at the left, one character in.
func footer(odd bool) string {
	jc, ind := "right", `<w:ind w:right="`+strconv.Itoa(pageNumberIndentTwips)+`" w:firstLineChars="0" w:firstLine="0"/>`
	if !odd {
		jc, ind = "left", `<w:ind w:left="`+strconv.Itoa(pageNumberIndentTwips)+`" w:firstLineChars="0" w:firstLine="0"/>`
	}
	r := func(inner string) string {
		return `<w:r><w:rPr><w:rFonts w:ascii="` + FontSong + `" w:hAnsi="` + FontSong + `" w:eastAsia="` + FontSong + `"/>` +
			`<w:spacing w:val="0"/><w:sz w:val="` + strconv.Itoa(pageNumberHalfPts) + `"/></w:rPr>` + inner + `</w:r>`
	}
	return xmlHead + `<w:ftr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:jc w:val="` + jc + `"/>` + ind +
		`<w:snapToGrid w:val="0"/></w:pPr>` +
		r(`<w:t xml:space="preserve">— </w:t>`) + r(`<w:fldChar w:fldCharType="begin"/>`) +
		r(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`) + r(`<w:fldChar w:fldCharType="separate"/>`) +
		r(`<w:t>1</w:t>`) + r(`<w:fldChar w:fldCharType="end"/>`) + r(`<w:t xml:space="preserve"> —</w:t>`) +
		`</w:p></w:ftr>`
}

// styles are the document's paragraph styles: the defaults (3号 仿宋_GB2312,
// Times New Roman for Latin letters and digits), the title, three levels
// of headings, the body without indent, the signature, table text and
// heads, small notes.
var styles = func() string {
	rFonts := func(east, latin string) string {
		return fmt.Sprintf(`<w:rFonts w:ascii="%s" w:hAnsi="%s" w:eastAsia="%s" w:cs="%s"/>`, latin, latin, east, latin)
	}
	charSpacing := fmt.Sprintf(`<w:spacing w:val="%d"/>`, -bodyTightTwentieths)
	exact := fmt.Sprintf(`<w:spacing w:line="%d" w:lineRule="exact"/>`, linePitch)
	indent := fmt.Sprintf(`<w:ind w:firstLineChars="%d" w:firstLine="%d"/>`, firstLineChars, firstLineTwip)
	noIndent := `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
	sz := func(hp int) string { return fmt.Sprintf(`<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, hp, hp) }
	style := func(id, name, pPr, rPr string) string {
		return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="` + id + `"><w:name w:val="` + name + `"/>` +
			`<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>` + pPr + `</w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`
	}
	heading := func(id, name string, level int, rPr string) string {
		return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/>` +
			`<w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/>` + exact + indent +
			`<w:outlineLvl w:val="` + strconv.Itoa(level) + `"/></w:pPr><w:rPr>` + rPr + `</w:rPr></w:style>`
	}
	table := fmt.Sprintf(`<w:snapToGrid w:val="0"/><w:spacing w:before="20" w:after="20" w:line="300" w:lineRule="auto"/>%s`, noIndent)
	return xmlHead + `<w:styles ` + nsW + `>` +
		`<w:docDefaults><w:rPrDefault><w:rPr>` + rFonts(FontBody, FontLatin) + `<w:kern w:val="2"/>` + sz(bodyHalfPoints) +
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>` + exact + indent +
		`</w:pPr><w:rPr>` + rFonts(FontBody, FontLatin) + charSpacing + sz(bodyHalfPoints) + `</w:rPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:spacing w:before="0" w:after="` + strconv.Itoa(linePitch) + `" w:line="` + strconv.Itoa(linePitch*5/4) +
		`" w:lineRule="exact"/>` + noIndent + `<w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr>` + rFonts(FontTitle, FontTitle) +
		`<w:spacing w:val="0"/>` + sz(titleHalfPts) + `</w:rPr></w:style>` +
		heading("Heading1", "heading 1", 1, rFonts(FontHei, FontHei)) +
		heading("Heading2", "heading 2", 2, rFonts(FontKai, FontKai)) +
		heading("Heading3", "heading 3", 3, `<w:b/><w:bCs/>`) +
		style("Plain", "正文无缩进", noIndent, "") +
		style("Signature", "落款", fmt.Sprintf(`%s<w:ind w:rightChars="%d" w:right="%d" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>`,
			exact, signatureIndentChars, signatureIndentTwips), "") +
		style("TableText", "表格文字", table, `<w:spacing w:val="0"/>`+sz(tableFontHalfPoints)) +
		style("TableHead", "表头", table+`<w:jc w:val="center"/>`, rFonts(FontHei, FontHei)+`<w:spacing w:val="0"/>`+sz(tableFontHalfPoints)) +
		style("Small", "附注", `<w:snapToGrid w:val="0"/><w:spacing w:before="60" w:line="360" w:lineRule="auto"/>`+noIndent, `<w:spacing w:val="0"/>`+sz(tableFontHalfPoints)) +
		`</w:styles>`
}()
