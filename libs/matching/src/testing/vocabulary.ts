import type { Sector } from '../lib/domain';

/**
 * Per-sector topics for planted data. Term i of a topic means the same in zh, ja and en,
 * but the Japanese word is often not the Chinese one in other characters
 * (医疗器械 / 医療機器, 养老 / 介護): a word-for-word match is not guaranteed. Some
 * words recur across topics and sectors (机器人, 电池, 检测, 数据, 传感器).
 */
export interface Topic {
  id: string;
  sector: Sector;
  zh: readonly string[];
  ja: readonly string[];
  en: readonly string[];
}

const t = (id: string, sector: Sector, zh: string, ja: string, en: string): Topic => ({
  id,
  sector,
  zh: zh.split('|'),
  ja: ja.split('|'),
  en: en.split('|'),
});

export const TOPICS: readonly Topic[] = [
  t(
    'medical-devices',
    'health',
    '医疗器械|医用影像设备|手术器械|监护仪|医用耗材|超声诊断仪|医用传感器',
    '医療機器|画像診断装置|手術器具|生体モニター|医療用消耗品|超音波診断装置|医療用センサー',
    'medical devices|imaging equipment|surgical instruments|patient monitors|medical consumables|ultrasound scanners|medical sensors',
  ),
  t(
    'pharmaceuticals',
    'health',
    '创新药|原料药|仿制药|制剂|药品研发|临床试验',
    '新薬|原薬|ジェネリック医薬品|製剤|医薬品開発|臨床試験',
    'innovative drugs|active pharmaceutical ingredients|generic drugs|formulations|drug development|clinical trials',
  ),
  t(
    'elderly-care',
    'health',
    '养老服务|养老院|护理人才|居家养老|康养社区|失能老人照护',
    '介護サービス|介護施設|介護人材|在宅介護|高齢者住宅|認知症ケア',
    'elderly care|nursing homes|care workers|home care|senior living|dementia care',
  ),
  t(
    'diagnostics',
    'health',
    '体外诊断|诊断试剂|基因检测|生化分析仪|病理诊断|检验科',
    '体外診断|診断薬|遺伝子検査|生化学分析装置|病理診断|臨床検査',
    'in vitro diagnostics|diagnostic reagents|genetic testing|biochemical analyzers|pathology|clinical laboratory',
  ),
  t(
    'rehabilitation',
    'health',
    '康复设备|康复机器人|康复医院|物理治疗|助行器|假肢',
    'リハビリ機器|リハビリロボット|回復期病院|理学療法|歩行補助具|義肢',
    'rehabilitation equipment|rehabilitation robots|rehabilitation hospitals|physiotherapy|walking aids|prosthetics',
  ),
  t(
    'herbal-and-food',
    'health',
    '中医药|中药材|保健食品|功能性食品|营养补充剂|药食同源',
    '漢方薬|生薬|健康食品|機能性表示食品|サプリメント|東洋医学',
    'traditional chinese medicine|herbal ingredients|health foods|functional foods|dietary supplements|herbal medicine',
  ),
  t(
    'smart-hospital',
    'health',
    '智慧医院|远程医疗|电子病历|医疗大数据|互联网医院|医疗信息化',
    'スマートホスピタル|遠隔医療|電子カルテ|医療ビッグデータ|オンライン診療|医療情報システム',
    'smart hospital|telemedicine|electronic medical records|medical big data|online consultation|hospital information systems',
  ),
  t(
    'biotech',
    'health',
    '生物医药|细胞治疗|抗体药物|再生医学|干细胞|疫苗',
    'バイオ医薬品|細胞治療|抗体医薬|再生医療|幹細胞|ワクチン',
    'biopharmaceuticals|cell therapy|antibody drugs|regenerative medicine|stem cells|vaccines',
  ),
  t(
    'waste',
    'environment',
    '固体废物处理|垃圾焚烧发电|废塑料回收|危险废物处置|资源循环利用|垃圾分类',
    '廃棄物処理|ごみ焼却発電|廃プラスチックリサイクル|有害廃棄物処理|資源循環|ごみ分別',
    'solid waste treatment|waste-to-energy|plastic recycling|hazardous waste disposal|resource recycling|waste sorting',
  ),
  t(
    'water',
    'environment',
    '污水处理|工业废水|膜分离|中水回用|污泥处理|饮用水净化',
    '下水処理|産業排水|膜分離|水再利用|汚泥処理|浄水',
    'wastewater treatment|industrial effluent|membrane filtration|water reuse|sludge treatment|drinking water purification',
  ),
  t(
    'hydrogen',
    'environment',
    '氢能|燃料电池|加氢站|电解水制氢|储氢|氢燃料电池汽车',
    '水素エネルギー|燃料電池|水素ステーション|水電解|水素貯蔵|燃料電池車',
    'hydrogen energy|fuel cells|hydrogen refuelling stations|electrolysis|hydrogen storage|fuel cell vehicles',
  ),
  t(
    'carbon',
    'environment',
    '碳捕集|碳排放管理|碳交易|碳中和|碳足迹核算|减排技术',
    'CO2回収|排出量管理|排出量取引|カーボンニュートラル|カーボンフットプリント|脱炭素技術',
    'carbon capture|emissions management|carbon trading|carbon neutrality|carbon footprint accounting|decarbonisation',
  ),
  t(
    'solar-wind',
    'environment',
    '光伏组件|太阳能电站|分布式光伏|风力发电|逆变器|可再生能源',
    '太陽光パネル|メガソーラー|屋根置き太陽光|風力発電|パワーコンディショナー|再生可能エネルギー',
    'solar modules|solar power plants|rooftop solar|wind power|inverters|renewable energy',
  ),
  t(
    'energy-saving',
    'environment',
    '建筑节能|余热回收|节能改造|热泵|高效电机|能源管理系统',
    '省エネ建築|排熱回収|省エネ改修|ヒートポンプ|高効率モーター|エネルギー管理システム',
    'energy-efficient buildings|waste heat recovery|energy retrofits|heat pumps|high-efficiency motors|energy management systems',
  ),
  t(
    'batteries',
    'environment',
    '动力电池|储能电池|锂电池回收|电池材料|储能系统|电池管理系统',
    '車載電池|蓄電池|リチウムイオン電池リサイクル|電池材料|蓄電システム|バッテリー管理システム',
    'traction batteries|energy storage batteries|lithium battery recycling|battery materials|energy storage systems|battery management systems',
  ),
  t(
    'air',
    'environment',
    '大气污染治理|脱硫脱硝|除尘设备|挥发性有机物治理|空气质量监测|尾气净化',
    '大気汚染対策|脱硫脱硝|集塵装置|VOC処理|大気環境モニタリング|排ガス浄化',
    'air pollution control|desulfurisation and denitrification|dust collectors|voc abatement|air quality monitoring|exhaust gas purification',
  ),
  t(
    'industrial-robots',
    'digital',
    '工业机器人|协作机器人|机械臂|焊接机器人|自动化生产线|减速器',
    '産業用ロボット|協働ロボット|ロボットアーム|溶接ロボット|自動化ライン|減速機',
    'industrial robots|collaborative robots|robotic arms|welding robots|automated production lines|gear reducers',
  ),
  t(
    'semiconductors',
    'digital',
    '半导体|集成电路|芯片设计|晶圆制造|半导体设备|功率半导体',
    '半導体|集積回路|チップ設計|ウェハー製造|半導体製造装置|パワー半導体',
    'semiconductors|integrated circuits|chip design|wafer fabrication|semiconductor equipment|power semiconductors',
  ),
  t(
    'smart-factory',
    'digital',
    '工业互联网|智能工厂|物联网|传感器|数字孪生|预测性维护',
    '産業用IoT|スマートファクトリー|IoT|センサー|デジタルツイン|予知保全',
    'industrial internet|smart factory|internet of things|sensors|digital twin|predictive maintenance',
  ),
  t(
    'ai-vision',
    'digital',
    '人工智能|机器视觉|图像识别|深度学习|视觉检测|智能算法',
    '人工知能|マシンビジョン|画像認識|ディープラーニング|外観検査|AIアルゴリズム',
    'artificial intelligence|machine vision|image recognition|deep learning|visual inspection|ai algorithms',
  ),
  t(
    'software-cloud',
    'digital',
    '工业软件|云计算|数据中心|企业管理软件|软件外包|信息安全',
    '産業用ソフトウェア|クラウドコンピューティング|データセンター|基幹システム|オフショア開発|情報セキュリティ',
    'industrial software|cloud computing|data centres|erp software|software outsourcing|information security',
  ),
  t(
    'vehicles',
    'digital',
    '新能源汽车|汽车零部件|自动驾驶|车联网|汽车电子|智能网联汽车',
    '電気自動車|自動車部品|自動運転|コネクテッドカー|車載電子機器|次世代自動車',
    'new energy vehicles|auto parts|autonomous driving|connected vehicles|automotive electronics|intelligent vehicles',
  ),
  t(
    'precision-machining',
    'digital',
    '数控机床|精密加工|模具|激光加工|精密零件|高端装备',
    'NC工作機械|精密加工|金型|レーザー加工|精密部品|高性能設備',
    'cnc machine tools|precision machining|moulds and dies|laser processing|precision parts|high-end equipment',
  ),
  t(
    'communications',
    'digital',
    '5G通信|光通信|通信模块|卫星互联网|通信基站|光纤',
    '5G通信|光通信|通信モジュール|衛星インターネット|基地局|光ファイバー',
    '5g communications|optical communications|communication modules|satellite internet|base stations|optical fibre',
  ),
];

/** Words every sector uses: they match across topics and say nothing about relevance. */
export const GENERIC = {
  zh: '合作|技术|市场|开发|产品|服务|系统|解决方案|智能|项目|企业|创新|产业|质量|管理|平台|设备|研发|生产|数据|检测|材料'.split('|'),
  ja: '協力|技術|市場|開発|製品|サービス|システム|ソリューション|スマート|プロジェクト|企業|イノベーション|産業|品質|管理|プラットフォーム|設備|研究開発|生産|データ|検査|材料'.split(
    '|',
  ),
  en: 'cooperation|technology|market|development|products|services|systems|solutions|smart|projects|companies|innovation|industry|quality|management|platform|equipment|research|production|data|testing|materials'.split(
    '|',
  ),
} as const;
