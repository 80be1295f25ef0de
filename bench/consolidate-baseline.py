#!/usr/bin/python3
"""Baseline for bench/consolidate.ts: the same merge and counts done the usual way, pandas + openpyxl.

Reads every .xlsx of a folder (school code from the file name, school name from the title row), finds each
sheet's header among its first rows, stacks every kind's rows with 学校代码/学校 columns, computes the per-school
figures of 区级汇总 (teachers, ≤40, reflections due/handed in/on time/优秀, papers, qualified papers, published,
≤40 participation, projects in research/overdue/new, public lessons, training hours) and writes one workbook
with a summary sheet and a sheet per kind. Prints one JSON line: seconds, rows, peak RSS and district totals.

    /usr/bin/python3 bench/consolidate-baseline.py <folder> <out.xlsx> [term_start as_of]
"""
import glob
import json
import os
import re
import resource
import sys
import time

import pandas as pd

KINDS = {
    'roster': ('教师名册', ['姓名', '工号', '性别', '出生年月', '学科', '职称', '骨干称号', '在岗']),
    'projects': ('课题登记', ['课题编号', '课题名称', '级别', '类别', '主持人', '成员', '立项日期', '阶段', '计划结题日期', '结题日期', '成果等级']),
    'courses': ('课程登记', ['日期', '授课教师', '学科', '年级', '课名', '课型', '级别', '学时', '听课人数', '关联课题编号', '获奖等级']),
    'reflections': ('学月反思', ['月份', '教师', '题目', '形式', '字数', '提交日期', '评价', '原创', '正文']),
    'papers': ('论文投稿', ['教师', '题目', '类型', '去向', '评比或刊物', '级别', '提交日期', '状态', '获奖等级', '刊号', '发表期次', '发表日期']),
}
CODE_RE = re.compile(r'^([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+)[_\s]')
NAME_RE = re.compile(r'^(.{2,30}?(?:学校|小学|中学))(?=\d{4})')
PUBLIC = {'示范课', '研究课', '汇报课', '竞赛课', '交流课', '送教课'}


def kind_of(cells):
    best, score = None, 1
    for kind, (_, cols) in KINDS.items():
        s = len(set(cells) & set(cols))
        if s > score:
            best, score = kind, s
    return best


def last_friday(month):
    end = pd.Timestamp(month + '-01') + pd.offsets.MonthEnd(0)
    return end - pd.Timedelta(days=(end.weekday() - 4) % 7)


def main(folder, out, term_start='2025-02-01', as_of='2025-07-31'):
    t0 = time.time()
    frames = {k: [] for k in KINDS}
    names = {}
    for path in sorted(glob.glob(os.path.join(folder, '*.xlsx'))):
        stem = os.path.splitext(os.path.basename(path))[0]
        m = CODE_RE.match(stem)
        code = m.group(1) if m else stem
        book = pd.read_excel(path, sheet_name=None, header=None, engine='openpyxl', dtype=object)
        for df in book.values():
            kind = None
            for i in range(min(10, len(df))):
                cells = [str(x).strip() for x in df.iloc[i].tolist() if pd.notna(x)]
                kind = kind_of(cells)
                if kind:
                    break
            if not kind:
                continue
            if i > 0 and code not in names:
                t = NAME_RE.match(str(df.iloc[0, 0]))
                names[code] = t.group(1) if t else code
            data = df.iloc[i + 1:].copy()
            data.columns = [str(c).strip() for c in df.iloc[i].tolist()]
            data = data.dropna(how='all')
            data.insert(0, '学校', names.get(code, code))
            data.insert(0, '学校代码', code)
            frames[kind].append(data)
    merged = {k: (pd.concat(v, ignore_index=True) if v else pd.DataFrame(columns=['学校代码'] + KINDS[k][1])) for k, v in frames.items()}

    # Per-school figures, as 区级汇总 has them.
    start, asof = pd.Timestamp(term_start), pd.Timestamp(as_of)
    months = [m for m in pd.date_range(start, periods=6, freq='MS').strftime('%Y-%m') if m <= as_of[:7]]
    roster = merged['roster']
    active = roster[roster['在岗'].astype(str) != '否'].copy()
    birth = pd.to_datetime(active['出生年月'].astype(str) + '-01', errors='coerce')
    age = start.year - birth.dt.year - (start.month < birth.dt.month).astype(int)
    active['u40'] = age <= 40
    s = pd.DataFrame({'teachers': active.groupby('学校代码').size(), 'under40': active.groupby('学校代码')['u40'].sum()})
    refl = merged['reflections']
    refl = refl[refl['月份'].astype(str).isin(months)].copy()
    refl['deadline'] = refl['月份'].astype(str).map({m: last_friday(m) for m in months})
    refl['on_time'] = pd.to_datetime(refl['提交日期'], errors='coerce') <= refl['deadline']
    refl['excellent'] = refl['评价'] == '优秀'
    tm = refl.groupby(['学校代码', '教师', '月份']).agg(on_time=('on_time', 'max'), excellent=('excellent', 'max')).reset_index()
    tm = tm.merge(active[['学校代码', '姓名']].drop_duplicates().rename(columns={'姓名': '教师'}), on=['学校代码', '教师'])  # 在岗 only
    s['expected'] = s['teachers'] * len(months)
    s['submitted'] = tm.groupby('学校代码').size()
    s['on_time'] = tm.groupby('学校代码')['on_time'].sum()
    s['excellent'] = tm.groupby('学校代码')['excellent'].sum()
    papers = merged['papers'].copy()
    papers['first'] = papers['教师'].astype(str).str.split('、').str[0]
    qual = (papers['状态'] == '已发表') | ((papers['状态'] == '获奖') & papers['级别'].isin(['国家级', '省级', '市级', '区县级']) & papers['获奖等级'].isin(['特等奖', '一等奖', '二等奖']))
    s['papers'] = papers.groupby('学校代码').size()
    s['qualified'] = papers[qual].drop_duplicates(['学校代码', 'first', '题目']).groupby('学校代码').size()
    s['published'] = (papers['状态'] == '已发表').groupby(papers['学校代码']).sum()
    authors = papers.assign(a=papers['教师'].astype(str).str.split('、')).explode('a')[['学校代码', 'a']].drop_duplicates()
    young = active[active['u40']][['学校代码', '姓名']].rename(columns={'姓名': 'a'})
    s['under40_authors'] = young.merge(authors, on=['学校代码', 'a']).groupby('学校代码').size()
    projects = merged['projects']
    s['projects'] = projects.groupby('学校代码').size()
    s['active'] = projects['阶段'].isin(['立项', '开题', '中期', '延期']).groupby(projects['学校代码']).sum()
    planned = pd.to_datetime(projects['计划结题日期'], errors='coerce')
    s['overdue'] = ((planned < asof) & ~projects['阶段'].isin(['结题', '撤销'])).groupby(projects['学校代码']).sum()
    approved = pd.to_datetime(projects['立项日期'], errors='coerce')
    s['new'] = ((approved >= start) & (approved <= start + pd.DateOffset(months=6) - pd.Timedelta(days=1))).groupby(projects['学校代码']).sum()
    courses = merged['courses']
    s['public_lessons'] = courses['课型'].isin(PUBLIC).groupby(courses['学校代码']).sum()
    s['training_hours'] = pd.to_numeric(courses['学时'].where(courses['课型'] == '外出培训'), errors='coerce').groupby(courses['学校代码']).sum()
    s = s.fillna(0)
    s['rate'] = s['submitted'] / s['expected']
    s['qualified_per_teacher'] = s['qualified'] / s['teachers']
    s['under40_participation'] = s['under40_authors'] / s['under40']
    s.insert(0, '学校', [names.get(c, c) for c in s.index])

    with pd.ExcelWriter(out, engine='openpyxl') as w:
        s.reset_index().to_excel(w, sheet_name='区级汇总', index=False)
        for kind, (title, _) in KINDS.items():
            merged[kind].to_excel(w, sheet_name=title, index=False)
    totals = {k: float(s[k].sum()) for k in ['teachers', 'under40', 'expected', 'submitted', 'on_time', 'papers', 'qualified', 'published', 'under40_authors', 'active', 'overdue', 'public_lessons', 'training_hours']}
    rows = int(sum(len(v) for v in merged.values()))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({'seconds': round(time.time() - t0, 1), 'rows': rows, 'rssMB': round(rss), 'totals': totals}, ensure_ascii=False))


if __name__ == '__main__':
    main(*sys.argv[1:])
