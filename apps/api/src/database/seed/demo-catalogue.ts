import type { CooperationType, Sector } from '@jinan/contracts';

/**
 * Hand-written demo content: the firms named in the conference announcement and
 * offer templates per sector, each in Chinese with Japanese and English versions.
 */
export interface NamedFirm {
  nameJa: string;
  nameEn: string;
  sectors: Sector[];
  size: 'large' | 'very_large' | 'medium';
}

export const NAMED_JAPANESE_FIRMS: NamedFirm[] = [
  { nameJa: '住友商事株式会社', nameEn: 'Sumitomo Corporation', sectors: ['health', 'environment', 'digital'], size: 'very_large' },
  { nameJa: '丸紅株式会社', nameEn: 'Marubeni Corporation', sectors: ['environment', 'health'], size: 'very_large' },
  { nameJa: '双日株式会社', nameEn: 'Sojitz Corporation', sectors: ['environment', 'digital'], size: 'very_large' },
  { nameJa: 'パナソニック株式会社', nameEn: 'Panasonic Corporation', sectors: ['digital', 'health'], size: 'very_large' },
  { nameJa: '富士フイルム株式会社', nameEn: 'Fujifilm Corporation', sectors: ['health'], size: 'very_large' },
  { nameJa: 'キヤノン株式会社', nameEn: 'Canon Inc.', sectors: ['health', 'digital'], size: 'very_large' },
  { nameJa: '三菱商事株式会社', nameEn: 'Mitsubishi Corporation', sectors: ['environment', 'digital', 'health'], size: 'very_large' },
  { nameJa: '一般社団法人日本能率協会', nameEn: 'Japan Management Association', sectors: ['digital', 'environment'], size: 'medium' },
  { nameJa: '中日デジタル総商会', nameEn: 'China–Japan Digital General Chamber of Commerce', sectors: ['digital'], size: 'medium' },
];

export const JP_NAME_PREFIXES: [string, string][] = [
  ['東邦', 'Toho'],
  ['北斗', 'Hokuto'],
  ['大和', 'Yamato'],
  ['光洋', 'Koyo'],
  ['瑞穂', 'Mizuho'],
  ['朝日', 'Asahi'],
  ['日進', 'Nisshin'],
  ['昭和', 'Showa'],
  ['太平', 'Taihei'],
  ['共栄', 'Kyoei'],
];

export const JP_NAME_SUFFIXES: Record<Sector, [string, string][]> = {
  health: [
    ['メディカル', 'Medical'],
    ['製薬', 'Pharmaceutical'],
    ['ヘルスケア', 'Healthcare'],
  ],
  environment: [
    ['環境技研', 'Environmental Engineering'],
    ['エナジー', 'Energy'],
    ['水処理', 'Water Solutions'],
  ],
  digital: [
    ['精機', 'Precision'],
    ['システムズ', 'Systems'],
    ['ロボティクス', 'Robotics'],
  ],
};

/** What a Japanese firm of each sector says it seeks (ja, en). */
export const JP_SEEKS: Record<Sector, [string, string][]> = {
  health: [
    ['中国市場での医療機器の販売代理店と共同研究のパートナーを探しています。', 'Distributors and joint R&D partners for medical devices in China.'],
    ['介護・リハビリ施設の合弁運営と高齢者向けヘルスケアサービスの展開。', 'Joint ventures for elderly-care and rehabilitation services.'],
    ['体外診断薬とバイオ医薬品の技術ライセンス先、臨床試験の協力病院。', 'Licensees for diagnostics and biopharmaceuticals; partner hospitals for trials.'],
  ],
  environment: [
    ['産業排水処理と大気汚染対策の技術を導入する地元企業との協力。', 'Local partners adopting wastewater and air-pollution control technology.'],
    [
      '水素エネルギーと蓄電システムの共同開発、脱炭素プロジェクトへの投資。',
      'Joint development of hydrogen and storage systems; carbon-reduction investments.',
    ],
    ['ごみ焼却発電とEV電池リサイクルの合弁事業。', 'Waste-to-energy and EV battery recycling joint ventures.'],
  ],
  digital: [
    ['スマート工場化と産業用ロボットのシステムインテグレーションのパートナー。', 'Partners for smart factories and industrial robot integration.'],
    ['産業用IoTプラットフォームとAI画像検査の共同開発。', 'Joint development of industrial IoT platforms and AI visual inspection.'],
    ['半導体材料とセンサー製品の調達先・販売代理店。', 'Suppliers and distributors of semiconductor materials and sensors.'],
  ],
};

export const CN_NAME_PREFIXES: [string, string][] = [
  ['泉城', 'Quancheng'],
  ['历下', 'Lixia'],
  ['华鲁', 'Hualu'],
  ['齐鲁', 'Qilu'],
  ['鲁信', 'Luxin'],
  ['趵突', 'Baotu'],
  ['大明湖', 'Daminghu'],
  ['千佛山', 'Qianfoshan'],
  ['明水', 'Mingshui'],
  ['章丘', 'Zhangqiu'],
  ['长清', 'Changqing'],
  ['济阳', 'Jiyang'],
  ['莱芜', 'Laiwu'],
  ['平阴', 'Pingyin'],
  ['商河', 'Shanghe'],
  ['天桥', 'Tianqiao'],
  ['槐荫', 'Huaiyin'],
  ['历城', 'Licheng'],
  ['高新', 'Gaoxin'],
  ['黄河', 'Huanghe'],
];

export const CN_INDUSTRIES: Record<Sector, [string, string][]> = {
  health: [
    ['医疗器械', 'Medical Devices'],
    ['生物医药', 'Biopharma'],
    ['康养', 'Health & Elderly Care'],
    ['健康科技', 'Health Tech'],
  ],
  environment: [
    ['环保科技', 'Environmental Tech'],
    ['新能源', 'New Energy'],
    ['水务', 'Water'],
    ['低碳技术', 'Low-Carbon Tech'],
  ],
  digital: [
    ['智能装备', 'Intelligent Equipment'],
    ['数字科技', 'Digital Tech'],
    ['工业软件', 'Industrial Software'],
    ['机器人', 'Robotics'],
  ],
};

export interface OfferTemplate {
  type: CooperationType;
  zh: [title: string, summary: string];
  ja: [title: string, summary: string];
  en: [title: string, summary: string];
  /** Investment range in million CNY. */
  range: [number, number] | null;
}

export const OFFER_TEMPLATES: Record<Sector, OfferTemplate[]> = {
  health: [
    {
      type: 'joint_rnd',
      range: [20, 80],
      zh: ['高端医疗器械联合研发', '联合开发微创手术器械与医用影像设备，共建实验室，共享知识产权。'],
      ja: ['高度医療機器の共同研究開発', '低侵襲手術器具と医用画像装置を共同開発し、研究室を共同設立、知的財産を共有します。'],
      en: ['Joint R&D of advanced medical devices', 'Co-develop minimally invasive surgical instruments and medical imaging devices in a shared lab.'],
    },
    {
      type: 'joint_venture',
      range: [50, 200],
      zh: ['康养社区合资运营', '引进日本介护服务标准，合资运营康养社区与康复中心。'],
      ja: ['介護・ヘルスケア施設の合弁運営', '日本の介護サービス基準を導入し、介護コミュニティとリハビリセンターを合弁で運営します。'],
      en: ['Joint venture for elderly-care communities', 'Run elderly-care communities and rehabilitation centres to Japanese care standards.'],
    },
    {
      type: 'procurement',
      range: null,
      zh: ['医用影像设备采购', '采购CT、超声等医用影像设备及维保服务，服务区域医疗中心。'],
      ja: ['医用画像診断装置の調達', 'CTや超音波などの医用画像装置と保守サービスを地域医療センター向けに調達します。'],
      en: ['Procurement of medical imaging equipment', 'Buy CT and ultrasound imaging equipment with maintenance for regional hospitals.'],
    },
    {
      type: 'technology_licensing',
      range: [10, 50],
      zh: ['生物医药技术许可', '寻求抗体药物与细胞治疗技术许可，在济南建设生产基地。'],
      ja: ['バイオ医薬品技術のライセンス', '抗体医薬と細胞治療の技術ライセンスを受け、済南に生産拠点を建設します。'],
      en: ['Licensing of biopharmaceutical technology', 'License antibody and cell-therapy technology for production in Ji\u2019nan.'],
    },
    {
      type: 'distribution',
      range: null,
      zh: ['康复辅具渠道分销', '代理日本康复辅具与护理用品，覆盖山东省医院和养老机构。'],
      ja: ['リハビリ機器の販売代理', '日本のリハビリ機器と介護用品を代理販売し、山東省の病院と介護施設に展開します。'],
      en: ['Distribution of rehabilitation aids', 'Distribute Japanese rehabilitation and nursing products across Shandong.'],
    },
    {
      type: 'investment',
      range: [100, 500],
      zh: ['智慧医院系统投资', '引入投资建设智慧医院信息系统与远程诊疗平台。'],
      ja: ['スマート病院システムへの投資', 'スマート病院の情報システムと遠隔診療プラットフォームへの投資を募ります。'],
      en: ['Investment in smart hospital systems', 'Seek investment in hospital information systems and telemedicine.'],
    },
    {
      type: 'joint_venture',
      range: [30, 120],
      zh: ['体外诊断试剂合作生产', '合作生产体外诊断试剂，共享质量管理体系与海外注册经验。'],
      ja: ['体外診断薬の共同生産', '体外診断薬を共同生産し、品質管理体制と海外登録の経験を共有します。'],
      en: ['Joint production of in-vitro diagnostics', 'Produce IVD reagents together, sharing quality systems and registration know-how.'],
    },
    {
      type: 'investment',
      range: [20, 100],
      zh: ['中日医疗创新中心入驻项目', '邀请日本医疗企业入驻中日医疗创新发展中心，享受园区政策支持。'],
      ja: ['中日医療イノベーションセンター入居プロジェクト', '日本の医療企業を中日医療イノベーション発展センターに誘致し、園区の優遇策を提供します。'],
      en: ['Tenancy at the China–Japan Medical Innovation Centre', 'Japanese medical firms are invited to the Centre with park incentives.'],
    },
  ],
  environment: [
    {
      type: 'technology_licensing',
      range: [10, 40],
      zh: ['工业废水处理技术引进', '引进高浓度工业废水处理与膜分离技术，用于化工园区。'],
      ja: ['産業排水処理技術の導入', '高濃度産業排水の処理技術と膜分離技術を化学工業団地に導入します。'],
      en: ['Industrial wastewater treatment technology', 'Adopt high-strength wastewater and membrane separation technology for chemical parks.'],
    },
    {
      type: 'joint_venture',
      range: [200, 800],
      zh: ['垃圾焚烧发电项目合资', '合资建设运营垃圾焚烧发电厂，引进烟气净化技术。'],
      ja: ['ごみ焼却発電プロジェクトの合弁', 'ごみ焼却発電所を合弁で建設・運営し、排ガス浄化技術を導入します。'],
      en: ['Waste-to-energy plant joint venture', 'Build and run a waste-to-energy plant with flue-gas cleaning technology.'],
    },
    {
      type: 'joint_rnd',
      range: [30, 150],
      zh: ['氢能储运装备联合研发', '联合研发高压储氢罐与氢燃料电池系统。'],
      ja: ['水素貯蔵・輸送設備の共同開発', '高圧水素タンクと水素燃料電池システムを共同開発します。'],
      en: ['Hydrogen storage & transport equipment joint R&D', 'Co-develop high-pressure hydrogen tanks and fuel-cell systems.'],
    },
    {
      type: 'procurement',
      range: null,
      zh: ['光伏储能系统采购', '为工业园区采购光伏组件、储能电池与能源管理系统。'],
      ja: ['太陽光発電・蓄電システムの調達', '工業団地向けに太陽光パネル、蓄電池、エネルギー管理システムを調達します。'],
      en: ['Procurement of PV & storage systems', 'Buy PV modules, batteries and energy management systems for industrial parks.'],
    },
    {
      type: 'investment',
      range: [100, 400],
      zh: ['碳捕集利用示范项目投资', '寻求投资建设二氧化碳捕集与利用示范项目。'],
      ja: ['CO2回収・利用実証プロジェクトへの投資', 'CO2回収・利用の実証プロジェクトへの投資を募ります。'],
      en: ['Investment in carbon capture demonstration', 'Seek investors for a carbon capture and utilisation demonstration plant.'],
    },
    {
      type: 'joint_venture',
      range: [20, 80],
      zh: ['建筑节能改造合作', '合作开展公共建筑节能改造与智慧能源管理。'],
      ja: ['建物省エネ改修の協力', '公共建築の省エネ改修とスマートエネルギー管理で協力します。'],
      en: ['Building energy-efficiency retrofits', 'Partner on energy retrofits and smart energy management of public buildings.'],
    },
    {
      type: 'distribution',
      range: null,
      zh: ['大气污染监测设备分销', '代理日本大气污染在线监测设备，服务环保部门与企业。'],
      ja: ['大気汚染監視機器の販売', '日本の大気汚染オンライン監視機器を代理販売します。'],
      en: ['Distribution of air-quality monitoring devices', 'Distribute Japanese online air-quality monitoring equipment.'],
    },
    {
      type: 'joint_rnd',
      range: [40, 160],
      zh: ['新能源汽车电池回收', '联合研发动力电池梯次利用与材料回收工艺。'],
      ja: ['EV電池リサイクル', '車載電池のリユースと材料回収プロセスを共同開発します。'],
      en: ['EV battery recycling', 'Co-develop second-life use and material recovery for EV batteries.'],
    },
  ],
  digital: [
    {
      type: 'joint_venture',
      range: [30, 120],
      zh: ['工业机器人系统集成', '合资开展工业机器人系统集成，服务汽车零部件与机械制造企业。'],
      ja: ['産業用ロボットのシステムインテグレーション', '自動車部品・機械メーカー向けに産業用ロボットのシステムインテグレーションを合弁で行います。'],
      en: ['Industrial robot system integration', 'Joint venture integrating industrial robots for auto-parts and machinery makers.'],
    },
    {
      type: 'investment',
      range: [50, 300],
      zh: ['智能工厂改造项目', '寻求投资与技术伙伴，推进生产线数字化与智能工厂改造。'],
      ja: ['スマート工場化プロジェクト', '生産ラインのデジタル化とスマート工場化に向けて投資と技術パートナーを募ります。'],
      en: ['Smart factory upgrade', 'Seek investment and technology partners to digitise production lines.'],
    },
    {
      type: 'procurement',
      range: null,
      zh: ['半导体材料采购', '采购高纯度硅片、光刻胶等半导体材料。'],
      ja: ['半導体材料の調達', '高純度シリコンウエハーやフォトレジストなどの半導体材料を調達します。'],
      en: ['Procurement of semiconductor materials', 'Buy high-purity wafers, photoresists and other semiconductor materials.'],
    },
    {
      type: 'technology_licensing',
      range: [5, 30],
      zh: ['工业软件技术许可', '引进生产管理与仿真设计类工业软件许可。'],
      ja: ['産業用ソフトウェアのライセンス', '生産管理とシミュレーション設計の産業用ソフトウェアのライセンスを受けます。'],
      en: ['Industrial software licensing', 'License production management and simulation software.'],
    },
    {
      type: 'joint_rnd',
      range: [20, 90],
      zh: ['数控机床联合研发', '联合研发高精度数控机床与关键功能部件。'],
      ja: ['NC工作機械の共同開発', '高精度NC工作機械と主要部品を共同開発します。'],
      en: ['CNC machine tools joint R&D', 'Co-develop high-precision CNC machine tools and key components.'],
    },
    {
      type: 'joint_venture',
      range: [40, 160],
      zh: ['工业互联网平台合作', '共建工业互联网平台，提供设备联网与数据分析服务。'],
      ja: ['産業用IoTプラットフォームの協力', '産業用IoTプラットフォームを共同構築し、設備接続とデータ分析を提供します。'],
      en: ['Industrial internet platform partnership', 'Build an industrial IoT platform for machine connectivity and analytics.'],
    },
    {
      type: 'distribution',
      range: null,
      zh: ['传感器产品渠道分销', '代理日本工业传感器与控制器，覆盖华北制造业客户。'],
      ja: ['センサー製品の販売代理', '日本の産業用センサーとコントローラーを華北の製造業向けに代理販売します。'],
      en: ['Distribution of sensor products', 'Distribute Japanese industrial sensors and controllers in North China.'],
    },
    {
      type: 'technology_licensing',
      range: [10, 40],
      zh: ['人工智能视觉检测', '引进人工智能视觉检测技术，用于电子元器件质量检测。'],
      ja: ['AI画像検査', '電子部品の品質検査にAI画像検査技術を導入します。'],
      en: ['AI visual inspection', 'Adopt AI visual inspection for electronic component quality control.'],
    },
  ],
};
