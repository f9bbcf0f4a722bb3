import type { Catalog, Translation } from "../../message-keys.js";

export default {
  title: "🚀 ワークショップのフリートをプロビジョニングします",
  description:
    "ワークショップのフリートを構築します: IoT ログ記録、モノのタイプ、フリートインデックス、ファームウェア用バケット、ソフトウェアパッケージ、IAM ロール、国別グループ、シャドウ付きのモノ",
  opt: {
    thingsPrefix: "モノの名前の接頭辞 (既定 Vehicle-VIN-。英数字と - _ : で 1〜20 文字)",
    thingTypes: "モノのタイプをカンマ区切りで (既定 SedanVehicle,SUVVehicle,TruckVehicle)",
    versions: "パッケージのバージョンをカンマ区切りで。先頭が全デバイスの初期バージョン (既定 1.0.0,1.1.0)",
    continent: "大陸: 1〜7 の番号または名前 (既定 1、North America)",
    countries: "大陸の先頭から使う国の数 (既定は北米で 3、その他で 2)、または US,CA,MX のような国コード",
    count: "作成するデバイスの数 (既定 100)",
  },
  prefix: {
    empty: "モノの接頭辞は空にできません",
    tooLong: "「{{prefix}}」は 20 文字を超えています。接頭辞は 1〜20 文字です",
    characters: "「{{prefix}}」に使えるのは英字、数字、ハイフン、アンダースコア、コロンだけです",
  },
  input: {
    typesEmpty: "モノのタイプを 1 つ以上指定してください",
    typeInvalid:
      "「{{name}}」はモノのタイプに使えません。英数字、ハイフン、アンダースコアで 1〜128 文字にしてください (ソフトウェアパッケージの名前にもなります)",
    versionsEmpty: "バージョンを 1 つ以上指定してください",
    versionInvalid:
      "「{{version}}」はバージョンの形式ではありません。1.0.0 のように数字をドットで区切ってください",
    continentInvalid: "大陸を番号 (1〜7) または Europe のような名前で選んでください",
    countriesRange: "1 から {{max}} までの数を選んでください ({{continent}} の国の数)",
    countriesEmpty: "数値または国コードを入力してください",
    countriesUnknown: "{{continent}} にない国コード: {{codes}}。使えるコード: {{available}}",
    countInvalid: "デバイス数は 1 以上の整数で指定してください",
    countTooLarge: "デバイス数の上限は {{max}} です",
  },
  prompt: {
    debugWarning:
      "デバッグモードでは、すべての AWS 呼び出しをパラメーターと完全な応答 (ARN やアカウント ID を含む) 付きで表示し、呼び出しを 1 つずつ実行します。",
    debug: "デバッグモードを有効にしますか?",
    thingTypes: "モノのタイプ (カンマ区切り):",
    versions: "パッケージのバージョン (カンマ区切り):",
    continent: "大陸:",
    countriesHelp:
      "{{continent}} の国: {{available}}\n  先頭から使う国の数 (1〜{{max}})、または US,CA のような国コードを入力してください",
    countries: "国 (1〜{{max}} またはコード):",
    count: "デバイスの数:",
  },
  plan: {
    title: "🎯 プロビジョニング計画",
    thingTypes: "  モノのタイプ: {{types}}",
    versions: "  パッケージのバージョン: {{versions}} (デバイスの初期バージョンは {{first}})",
    continent: "  大陸: {{continent}}",
    countries: "  国: {{countries}} ({{total}} か国中 {{count}} か国)",
    devices: "  デバイス: {{count}} 台 (名前は {{prefix}}…)",
    typeChanges:
      "⚠️ この計画のモノのうち {{count}} 台が別のモノのタイプで存在しており、タイプが変わります(例: {{examples}})",
    confirmTypeChanges: "計画どおりにモノのタイプを変更しますか?",
  },
  step: {
    logging: "📋 ステップ 1: IoT Core のログ記録",
    thingTypes: "📋 ステップ 2: モノのタイプ",
    indexing: "📋 ステップ 3: フリートインデックス",
    bucket: "📋 ステップ 4: ファームウェア用バケット",
    firmware: "📋 ステップ 5: ファームウェアのアーカイブ",
    packages: "📋 ステップ 6: ソフトウェアパッケージ",
    roles: "📋 ステップ 7: IAM ロール",
    packageConfiguration: "📋 ステップ 8: パッケージ設定",
    devices: "📋 ステップ 9: 国別グループとデバイス",
  },
  learn: {
    logging: {
      title: "IoT Core のログ記録: サービスの動きを見えるようにする",
      body: "AWS IoT Core は、アカウント内で起きたこと (接続、ルールのアクション、ジョブの実行、エラー) を\nAmazon CloudWatch Logs に記録できます。書き込みには、IoT が引き受けてよい IAM ロールを使います。\nSetV2LoggingOptions でそのロールとアカウント全体の既定レベルを指定します。ここでは INFO にして、\n通常の操作と問題の両方を記録します。DEBUG はより詳しい代わりに費用も増えます。\nデバイスの様子がおかしいときは、まず AWSIotLogsV2 ロググループを確認しましょう。",
    },
    thingTypes: {
      title: "モノのタイプ: デバイスの種類ごとのテンプレート",
      body: "モノのタイプはデバイスの種類を表し、検索用にインデックスされる属性を最大 3 つまで持てます。\nここでは {{count}} 個を用意します: {{types}}\nどれも customerId、country、manufacturingDate を検索可能な属性とするので、たとえば 3 月に\n製造された車両をすべて探せます。モノが持てるタイプは 1 つだけです。タイプは非推奨にでき\n(新しいモノには使えなくなります)、その 5 分後に削除できます。",
    },
    fleetIndexing: {
      title: "フリートインデックス: フリート全体に問い合わせる",
      body: "フリートインデックスは、すべてのモノのレジストリ情報、シャドウ、接続状態、Device Defender の\n違反を検索インデックスにまとめます。たとえば\n  thingTypeName:SedanVehicle AND attributes.country:US\nのようなクエリを SearchIndex、集計 (件数や統計)、そしてクエリでメンバーが決まる動的グループで\n使えます。$package 名前付きシャドウもインデックスするので、動作中のファームウェアの\nバージョンでも検索できます。",
    },
    s3Storage: {
      title: "Amazon S3: ファームウェアの置き場所",
      body: "ファームウェアのイメージは {{region}} の S3 バケットに保存します。バージョニングを有効にすると、\n同じキーへのアップロードもそれぞれ別のオブジェクトバージョンになるため、後でキーが上書きされても、\nパッケージのバージョンはテスト済みのデータそのものを指し続けます。デバイスに S3 の認証情報は\n渡しません。ジョブが有効期限の短い署名付き URL を渡します。",
    },
    firmware: {
      title: "ファームウェアのアーカイブ: タイプとバージョンごとに 1 つ",
      body: "モノのタイプとバージョンの組み合わせごとに、計 {{total}} 個のアーカイブ (仮のファームウェア\nファイルを入れた小さな ZIP) をアップロードします。すでにバケットにあるアーカイブはそのまま\n使うので、provision を再実行しても既存のパッケージバージョンの参照先は変わりません。",
    },
    packageCatalog: {
      title: "ソフトウェアパッケージカタログ: ソフトウェアの台帳",
      body: "パッケージ (ここではモノのタイプごとに 1 つ) は、ある種類のデバイスが動かすソフトウェアを表します。\n各バージョンには S3 のアーティファクト、属性、ライフサイクル (DRAFT、ジョブで配布できる\nPUBLISHED、DEPRECATED) が記録されます。ここではすべてのバージョンをすぐに公開します。\nジョブはバージョンを ARN で指定でき、どのデバイスがどのバージョンかはフリートインデックスで分かります。",
    },
    iamRoles: {
      title: "IAM ロール: AWS IoT が借りる権限",
      body: "AWS IoT があなたの代わりに操作できるのは、信頼ポリシーで iot.amazonaws.com による引き受けを\n許可したロールを通してだけです。ジョブ用ロールは、ファームウェアをダウンロードする署名付き URL\nの発行に使います。パッケージ設定用ロールは、ジョブが成功したときに各デバイスの $package シャドウを\n更新するために使います。どちらもその用途に必要な権限だけを、このリージョンに限って持ちます。",
    },
    packageConfiguration: {
      title: "パッケージ設定: 配布に追従するシャドウ",
      body: "ジョブによるバージョン更新を有効にすると、パッケージのバージョンを入れるジョブが成功したとき、\n前のステップのロールを使って、デバイスの予約済み $package 名前付きシャドウに新しいバージョンが\n記録されます。デバイス自身が報告しなくても、台帳が正しく保たれます。",
    },
    devices: {
      title: "モノとモノのグループ: フリートそのもの",
      body: "モノは 1 台のデバイスのレジストリ登録で、名前、タイプ、属性を持ちます。ここでは国ごとの静的な\nモノのグループを {{groups}} 個と、モノを {{devices}} 個作り、各モノを自国のグループに入れます。\nこうすると 1 つのジョブで国全体に届きます。各モノにはクラシックシャドウ (バッテリー残量) と、\n初期ファームウェアバージョンを持つ $package シャドウも作ります。モノにはタグを付けられないため、\nクリーンアップは名前の接頭辞でモノを見分けます。",
    },
  },
  waitingForIam: "  IAM がロールをまだ反映中です (試行 {{attempt}}/{{max}}): {{message}}",
  role: {
    created: "✅ ロール {{name}} を作成しました",
    existing: "♻️ ロール {{name}} は既にあるので再利用します",
    policy: "   {{name}} のインラインポリシー {{policy}} を最新にしました",
    failed: "❌ ロール {{name}}: {{error}}",
  },
  logging: {
    enabled: "✅ IoT のログ記録をレベル {{level}} で有効にしました",
    failed: "❌ IoT のログ記録を有効にできませんでした: {{error}}",
  },
  thingType: {
    created: "✅ モノのタイプ {{name}} を作成しました",
    existing: "♻️ モノのタイプ {{name}} は既にあり、有効です",
    undeprecated: "♻️ モノのタイプ {{name}} は非推奨だったため、再び有効にしました",
    failed: "❌ モノのタイプ {{name}}: {{error}}",
    summary: "📊 準備できたモノのタイプ: {{ok}}/{{total}}",
  },
  indexing: {
    done: "✅ フリートインデックスを有効にしました: レジストリ、シャドウ ($package を含む)、接続状態、違反、モノのグループ",
    failed: "❌ フリートインデックスを設定できませんでした: {{error}}",
  },
  bucket: {
    created: "✅ バージョニング付きのバケット {{name}} を作成しました",
    existing: "♻️ 既存のバケット {{name}} を使います (バージョニング有効)",
    failed: "❌ ファームウェア用バケット {{name}}: {{error}}",
    skipped: "⚠️ ファームウェア用バケットがないため、アーカイブとソフトウェアパッケージは省略します",
  },
  firmware: {
    uploaded: "✅ {{key}} をアップロードしました (バージョン {{versionId}})",
    existing: "♻️ {{key}} は既にバケットにあります (バージョン {{versionId}})",
    failed: "❌ ファームウェア {{key}}: {{error}}",
  },
  package: {
    created: "✅ パッケージ {{name}} を作成しました",
    existing: "♻️ パッケージ {{name}} は既にあるので再利用します",
    failed: "❌ パッケージ {{name}}: {{error}}",
    versionCreated: "   ✅ {{name}} {{version}} を作成して公開しました",
    versionExisting: "   ♻️ {{name}} {{version}} は公開済みです",
    versionPublished: "   ✅ {{name}} {{version}} は既にあったので公開しました",
    versionFailed: "   ❌ {{name}} {{version}}: {{error}}",
    summary: "📊 全バージョンがそろったパッケージ: {{ok}}/{{total}}",
  },
  packageConfiguration: {
    enabled: "✅ ジョブによるバージョン更新をロール {{role}} で有効にしました",
    failed: "❌ パッケージ設定を有効にできませんでした: {{error}}",
  },
  group: {
    created: "✅ モノのグループ {{name}} を作成しました",
    existing: "♻️ モノのグループ {{name}} は既にあるので再利用します",
    failed: "❌ モノのグループ {{name}}: {{error}}",
    summary: "📊 準備できた国別グループ: {{ok}}/{{total}}",
  },
  things: {
    progress: "🚗 デバイス",
    summary:
      "📊 準備できたデバイス: {{ok}}/{{total}} (新規作成 {{created}}、既存を更新 {{updated}})、{{seconds}} 秒、毎秒 {{rate}} 台",
    failed: "❌ デバイス {{name}}: {{error}}",
  },
  tags: {
    failed: "⚠️ {{type}} {{name}} にタグを付けられませんでした: {{error}}",
    summaryTitle: "⚠️ ワークショップのタグがないリソース",
    summaryIntro:
      "次のリソースは作成できましたが、タグを付けられませんでした。クリーンアップは代わりに名前で見分けます。",
    summaryType: "{{type}}: {{count}} 件",
    summaryTotal: "タグのないリソース: {{count}} 件",
  },
  summary: {
    done: "🎉 プロビジョニングが完了しました",
    problems:
      "⚠️ プロビジョニングは {{count}} 件の問題を残して終わりました。上のメッセージを確認してください。再実行すると再試行します。",
    devices:
      "📊 {{countries}} か国に {{count}} 台 ({{first}} … {{last}}): 作成 {{created}}、更新 {{updated}}、失敗 {{failed}}",
    resources:
      "📦 モノのタイプ {{types}} 個、国別グループ {{groups}} 個、パッケージ {{packages}} 個 (バージョン {{versions}} 個)、バケット {{bucket}}",
    time: "⏱️ 合計時間 {{seconds}} 秒 (デバイス {{things}} 秒、毎秒 {{rate}} 台)",
    calls: "   AWS 呼び出し: {{calls}} 回、再試行: {{retries}} 回、エラー応答: {{errors}} 回",
    learnedTitle: "🎓 このステップで作ったもの",
    learned:
      "  • IoT が引き受けるロールによる CloudWatch へのログ記録 (SetV2LoggingOptions)\n  • 検索可能な属性を持つモノのタイプ (CreateThingType)\n  • レジストリ、シャドウ、グループのフリートインデックス (UpdateIndexingConfiguration)\n  • ファームウェアを置くバージョニング付き S3 バケット (CreateBucket、PutObject)\n  • ソフトウェアパッケージと公開済みバージョン (CreatePackage、CreatePackageVersion)\n  • ジョブとパッケージ設定の IAM ロール (CreateRole、PutRolePolicy)\n  • $package シャドウの自動更新 (UpdatePackageConfiguration)\n  • 国別グループとシャドウ付きのモノ (CreateThingGroup、CreateThing、UpdateThingShadow)",
    retyped: "♻️ 既存のモノ {{count}} 台を計画どおりのモノのタイプに変更しました",
    next: "🚀 次は、フリートを検索して動的にグループ化し、ジョブでファームウェアを配布しましょう。終わったら `{{command}}` ですべて削除できます。",
  },
} satisfies Translation<Catalog["provision"]>;
