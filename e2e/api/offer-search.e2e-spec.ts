import { createTestApp, TestApp } from './support/test-app';

/**
 * Relevance search across languages, through HTTP and a real PostgreSQL, among the demo
 * offers: each query is in a language its target offer is not written in (or, for Chinese
 * queries, in words its Chinese text does not use), and must find the target on the first page.
 */
type Sector = 'health' | 'environment' | 'digital';
interface Draft {
  key: string;
  sector: Sector;
  zh: [string, string];
  ja?: [string, string];
  en?: [string, string];
}

const OFFERS: Draft[] = [
  {
    key: 'med',
    sector: 'health',
    zh: ['高端医疗器械联合研发', '联合研发超声诊断设备和手术器械。'],
    en: ['Joint R&D of high-end medical equipment', 'Ultrasound diagnostic equipment and surgical instruments.'],
  },
  {
    key: 'robot',
    sector: 'digital',
    zh: ['工业机器人系统集成', '为汽车零部件工厂提供焊接机器人和自动化生产线。'],
    en: ['Industrial robot system integration', 'Welding robots and automated production lines for auto parts plants.'],
  },
  {
    key: 'h2',
    sector: 'environment',
    zh: ['氢燃料电池汽车示范项目', '建设加氢站，推广氢燃料电池公交车。'],
    en: ['Hydrogen fuel cell vehicle demonstration', 'Refuelling stations and fuel cell buses.'],
  },
  {
    key: 'energy',
    sector: 'environment',
    zh: ['公共建筑节能改造', '采用热泵和余热回收降低能耗。'],
    en: ['Energy retrofits of public buildings', 'Heat pumps and waste heat recovery cut energy use.'],
  },
  {
    key: 'care',
    sector: 'health',
    zh: ['社区养老服务中心', '提供居家养老和失能老人护理服务。'],
    en: ['Community elderly care centre', 'Home care and nursing for disabled seniors.'],
  },
  {
    key: 'carers',
    sector: 'health',
    zh: ['护理人才培训', '培养养老护理员。'],
    ja: ['介護人材の育成', '介護職員を育成します。'],
  },
  {
    key: 'water',
    sector: 'environment',
    zh: ['化工园区工业废水处理', '膜分离技术处理化工园区污水。'],
    en: ['Industrial wastewater treatment', 'Membrane filtration for chemical park effluent.'],
  },
  {
    key: 'semis',
    sector: 'digital',
    zh: ['功率半导体芯片封装', '建设功率半导体封装测试产线。'],
    ja: ['パワー半導体のパッケージング', 'パワー半導体の組立・検査ラインを建設します。'],
  },
  {
    key: 'solar',
    sector: 'environment',
    zh: ['分布式光伏电站', '在工业园区屋顶建设光伏组件和逆变器。'],
    en: ['Rooftop solar power plants', 'Solar modules and inverters on industrial park roofs.'],
  },
  {
    key: 'battery',
    sector: 'environment',
    zh: ['锂电池回收利用', '回收动力电池，提取电池材料。'],
    ja: ['リチウムイオン電池のリサイクル', '車載電池を回収し、電池材料を再生します。'],
  },
  {
    key: 'drugs',
    sector: 'health',
    zh: ['创新药临床试验合作', '开展抗体药物的临床试验。'],
    en: ['Clinical trials for innovative drugs', 'Clinical trials of antibody drugs.'],
  },
  {
    key: 'vision',
    sector: 'digital',
    zh: ['机器视觉外观检测', '利用深度学习进行产品外观检测。'],
    ja: ['マシンビジョンによる外観検査', 'ディープラーニングで製品の外観検査を行います。'],
  },
  {
    key: 'incineration',
    sector: 'environment',
    zh: ['生活垃圾焚烧发电', '建设生活垃圾焚烧发电厂。'],
    en: ['Waste-to-energy incineration', 'A municipal waste incineration power plant.'],
  },
  {
    key: 'telemedicine',
    sector: 'health',
    zh: ['互联网医院与远程医疗', '建设远程会诊平台。'],
    ja: ['オンライン診療と遠隔医療', '遠隔診療のプラットフォームを構築します。'],
  },
  {
    key: 'cnc',
    sector: 'digital',
    zh: ['数控机床精密加工', '高精度数控机床与模具制造。'],
    en: ['CNC machine tools and precision machining', 'High-precision CNC machines and mould making.'],
  },
  {
    key: 'carbon',
    sector: 'environment',
    zh: ['碳捕集与碳交易咨询', '为钢铁企业提供碳排放管理。'],
    ja: ['二酸化炭素の回収と排出量取引', '鉄鋼企業の排出量管理を支援します。'],
  },
  {
    key: 'rehab',
    sector: 'health',
    zh: ['康复机器人研发', '研发下肢康复机器人和助行器。'],
    en: ['Rehabilitation robots', 'Lower-limb rehabilitation robots and walking aids.'],
  },
];

/** [query, target offer, direction]: the query's language → the target's languages. */
const QUERIES: [string, string, string][] = [
  // Japanese queries for offers in Chinese and English
  ['医療機器', 'med', 'ja→zh+en'],
  ['ロボット', 'robot', 'ja→zh+en'],
  ['水素', 'h2', 'ja→zh+en'],
  ['省エネ', 'energy', 'ja→zh+en'],
  ['介護', 'care', 'ja→zh+en'],
  ['廃水処理', 'water', 'ja→zh+en'],
  ['太陽光発電', 'solar', 'ja→zh+en'],
  ['臨床試験', 'drugs', 'ja→zh+en'],
  ['ごみ焼却発電', 'incineration', 'ja→zh+en'],
  ['工作機械', 'cnc', 'ja→zh+en'],
  ['リハビリ', 'rehab', 'ja→zh+en'],
  ['燃料電池', 'h2', 'ja→zh+en'],
  ['溶接ロボット', 'robot', 'ja→zh+en'],
  ['ヒートポンプ', 'energy', 'ja→zh+en'],
  // English queries for offers in Chinese and Japanese
  ['nursing care', 'carers', 'en→zh+ja'],
  ['power semiconductors', 'semis', 'en→zh+ja'],
  ['battery recycling', 'battery', 'en→zh+ja'],
  ['lithium-ion batteries', 'battery', 'en→zh+ja'],
  ['machine vision', 'vision', 'en→zh+ja'],
  ['visual inspection', 'vision', 'en→zh+ja'],
  ['telemedicine', 'telemedicine', 'en→zh+ja'],
  ['carbon capture', 'carbon', 'en→zh+ja'],
  ['emissions trading', 'carbon', 'en→zh+ja'],
  ['care workers', 'carers', 'en→zh+ja'],
  ['deep learning', 'vision', 'en→zh+ja'],
  // Chinese queries in words (or characters) the target's Chinese text does not use
  ['醫療設備', 'med', 'zh→zh+en'],
  ['太阳能', 'solar', 'zh→zh+en'],
  ['二氧化碳', 'carbon', 'zh→zh+ja'],
  ['远程诊疗', 'telemedicine', 'zh→zh+ja'],
  ['视觉检查', 'vision', 'zh→zh+ja'],
  ['電動汽車充電', 'h2', 'zh→zh+en'],
  ['公共汽车', 'h2', 'zh→zh+en'],
];

describe('offer search across Chinese, Japanese and English', () => {
  let t: TestApp;
  const ids = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp('offer-search');
    const headers = await t.as('cn1@demo.test');
    for (const o of OFFERS) {
      const res = await t.http
        .post('/api/offers')
        .set(headers)
        .send({
          sector: o.sector,
          cooperationType: 'joint_venture',
          titleZh: o.zh[0],
          summaryZh: o.zh[1],
          ...(o.ja ? { titleJa: o.ja[0], summaryJa: o.ja[1] } : {}),
          ...(o.en ? { titleEn: o.en[0], summaryEn: o.en[1] } : {}),
        });
      expect(res.status).toBe(201);
      expect((await t.http.post(`/api/offers/${res.body.id}/publish`).set(headers)).status).toBe(200);
      ids.set(o.key, res.body.id);
    }
  });
  afterAll(() => t.close());

  const search = async (q: string, extra: Record<string, string | number> = {}) => {
    const res = await t.http
      .get('/api/offers')
      .query({ q, ...extra })
      .set(await t.as('jp1@demo.test'));
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; matched?: Record<string, string[]>; sector: string }[]; total: number };
  };

  it(`has at least 30 cross-language queries`, () => expect(QUERIES.length).toBeGreaterThanOrEqual(30));

  it.each(QUERIES)('%s finds its target (%s, %s) on the first page', async (q, key) => {
    const page = await search(q);
    expect(page.items.map((o) => o.id)).toContain(ids.get(key));
  });

  it('shows why: 水素 matched 氢 for a Chinese reader, 水素 for a Japanese one and hydrogen in English', async () => {
    const hit = (await search('水素')).items.find((o) => o.id === ids.get('h2'));
    expect(hit?.matched?.ja).toEqual(['水素']);
    expect(hit?.matched?.['zh-CN']).toEqual(['氢']);
    expect(hit?.matched?.en).toEqual(['hydrogen']);
  });

  it('ranks on-topic offers first: 産業用ロボット → 工业机器人系统集成, behind only offers that mention robots', async () => {
    const items = (await search('産業用ロボット')).items as unknown as { id: string; titleZh: string; summaryZh: string; titleJa: string | null }[];
    const rank = items.findIndex((o) => o.id === ids.get('robot'));
    // The demo catalogue has robot-integration offers of its own (same title): they may come first, nothing else may.
    expect(rank).toBeGreaterThanOrEqual(0);
    for (const above of items.slice(0, rank)) expect(`${above.titleZh}${above.summaryZh}${above.titleJa ?? ''}`).toMatch(/机器人|ロボット/);
  });

  it('keeps the sector filter and paging on relevance results', async () => {
    const all = await search('ロボット');
    const health = await search('ロボット', { sector: 'health' });
    expect(health.items.every((o) => o.sector === 'health')).toBe(true);
    expect(health.items.map((o) => o.id)).toContain(ids.get('rehab'));
    expect(health.items.map((o) => o.id)).not.toContain(ids.get('robot'));
    const second = await search('ロボット', { pageSize: 1, page: 2 });
    expect(second.total).toBe(all.total);
    expect(second.items.map((o) => o.id)).toEqual([all.items[1]?.id]);
  });

  it('finds a company by its name in another script, and falls back to exact words for what no dictionary knows', async () => {
    const offer = await t.http.get(`/api/offers/${ids.get('robot')}`).set(await t.as('jp1@demo.test'));
    const names = Object.values(offer.body.organizationName as Record<string, string | null>).filter((n): n is string => !!n);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) {
      const page = await search(name, { pageSize: 100 });
      expect(page.items.map((o) => o.id)).toContain(ids.get('robot'));
    }
    expect((await search('%_')).items).toEqual([]);
  });
});
