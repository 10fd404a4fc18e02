# Writes indicators.fods (flat OpenDocument spreadsheet XML); LibreOffice then converts it to .xlsx and .xls.
def s(text): return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>'
def n(value): return f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
def f(formula): return f'<table:table-cell table:formula="of:={formula}"/>'
def d(value): return f'<table:table-cell table:style-name="ce1" office:value-type="date" office:date-value="{value}"><text:p>{value}</text:p></table:table-cell>'
empty = '<table:table-cell/>'
def row(*cells): return '<table:table-row>' + ''.join(cells) + '</table:table-row>'
rows = [
    row(empty),
    row(s('城市代码 (city)'), s('城市名称 (name_zh)'), s('年份 (year)'), s('对外直接投资 (odi)'), s('领事馆数量 (consulates)'), s('数据来源 (source)')),
    row(s('beijing'), s('北京'), n(2020), n(1.5), n(3), s('统计年鉴')),
    row(s('shanghai'), s('上海'), n(2020), f('1/0'), f('NA()'), empty),
    row(s('guangzhou'), s('广州'), n(2020), d('2020-01-01'), n(4), empty),
    row(s('shenzhen'), s('深圳'), n(2020), f('2+3'), s('1,234'), empty),
]
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>
<number:date-style style:name="N37"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>
<style:style style:name="ce1" style:family="table-cell" style:parent-style-name="Default" style:data-style-name="N37"/>
</office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="说明">{row(s('填写说明：每个城市一行。'))}</table:table>
<table:table table:name="指标">{''.join(rows)}</table:table>
</office:spreadsheet></office:body></office:document>'''
open('indicators.fods', 'w', encoding='utf-8').write(doc)
