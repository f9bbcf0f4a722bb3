import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description:
    "ソフトウェアパッケージカタログを管理します: パッケージとバージョン、パッケージ設定、デバイスが報告するバージョン、フリートのロールバック",
  title: "📦 iotdm packages: ファームウェアカタログとフリートのバージョン",
  opt: {
    action: "操作: {{actions}}(省略するとメニュー)",
    mode: "config のみ: show、enable、disable",
    package: "パッケージ",
    packageVersion: "パッケージのバージョン",
    description: "create、create-version: 説明",
    tags: "create: パッケージのタグ(key=value,key=value)",
    file: "create-version: アーティファクトとしてアップロードするファイル(省略時は生成したファームウェアアーカイブ)",
    attributes: "create-version: バージョンの属性(key=value,key=value)",
    draft: "create-version: 公開せずドラフトのままにする",
    thing: "device-version: $package シャドウを表示するモノ",
    thingType: "revert: ロールバックするデバイスのモノタイプ",
    viaJob: "revert: $package シャドウを書き換える代わりに、デバイスがインストールする OTA ジョブを作成する",
  },
  badAction: "不明な操作 {{value}}: {{values}} のいずれかを指定してください",
  menu: {
    prompt: "何をしますか?",
    more: "パッケージで他の操作をしますか?",
    list: "パッケージの一覧",
    describe: "パッケージとそのバージョンの詳細",
    describeVersion: "パッケージバージョンの詳細",
    create: "パッケージを作成",
    createVersion: "パッケージバージョンを作成(アーティファクトをアップロード)",
    publish: "バージョンを公開",
    deprecate: "バージョンを非推奨にする",
    setDefault: "バージョンをパッケージのデフォルトにする",
    deleteVersion: "バージョンを削除",
    delete: "パッケージを削除",
    config: "パッケージ設定(ジョブによるバージョン更新)",
    deviceVersion: "1 台のデバイスが報告するバージョンを表示",
    revert: "フリートをあるバージョンに戻す",
  },
  column: {
    package: "パッケージ",
    default: "デフォルト",
    version: "バージョン",
    status: "状態",
    created: "作成日時",
    modified: "更新日時",
  },
  input: {
    packagePrompt: "どのパッケージですか?",
    versionPrompt: "どのバージョンですか?",
    newPackagePrompt: "新しいパッケージの名前:",
    newVersionPrompt: "新しいバージョンの名前(例: 2.0.0):",
    descriptionPrompt: "説明(空欄: なし):",
    tagsPrompt: "タグ key=value,key=value(空欄: ワークショップのタグのみ):",
    filePrompt: "アーティファクトとしてアップロードするファイル(空欄: 生成したファームウェアアーカイブ):",
    attributesPrompt: "属性 key=value,key=value(空欄: なし):",
    thingPrompt: "どのモノですか?",
    thingRequired: "モノの名前を指定してください",
    thingTypePrompt: "どのモノタイプですか?",
    thingTypeRequired: "モノタイプを指定してください",
    badPackage: "{{value}} はパッケージ名として使えません: 英数字、'-'、'_'、'.' で 1〜{{max}} 文字",
    badVersion: "{{value}} はバージョン名として使えません: 英数字、'-'、'_'、'.' で 1〜{{max}} 文字",
    badPairs: "{{value}} は key=value の形ではありません(またはキーが重複しています)",
    tooLong: "1024 文字までです",
  },
  list: {
    none: "パッケージはまだありません。",
    noneToPick: "選べるパッケージがありません。先に作成してください: {{command}}",
    found: "📋 パッケージ {{count}} 件:",
  },
  describe: {
    title: "📦 パッケージ {{name}}",
    summary:
      "  ARN:          {{arn}}\n  説明:         {{description}}\n  デフォルト:   {{default}}\n  作成日時:     {{created}}\n  更新日時:     {{modified}}",
    versions: "  バージョン {{count}} 件(* はデフォルト):",
    noVersions: "このパッケージにはバージョンがありません。",
  },
  version: {
    title: "📦 {{name}} バージョン {{version}}",
    summary:
      "  ARN:          {{arn}}\n  状態:         {{status}}\n  説明:         {{description}}\n  アーティファクト: {{artifact}}\n  作成日時:     {{created}}\n  更新日時:     {{modified}}",
    attributes: "  属性 {{count}} 件:",
    sbom: "  SBOM:         {{location}}(検証: {{status}})",
    noSbom: "  SBOM:         なし",
    recipe: "  レシピ:       {{recipe}}",
    error: "  エラー:       {{reason}}",
  },
  create: {
    created: "✅ パッケージ {{name}} を作成しました(クリーンアップ用のタグ付き)",
    existing: "ℹ️ パッケージ {{name}} は既にあります: そのままにしました",
  },
  createVersion: {
    bucket:
      "✅ ファームウェア用バケット {{bucket}} を作成しました(バージョニング有効、クリーンアップ用のタグ付き)",
    uploaded:
      "✅ {{location}} をアップロードしました: S3 オブジェクトバージョン {{s3Version}}、{{bytes}} バイト",
    created: "✅ {{name}} のバージョン {{version}} を登録しました: {{status}}",
    existing:
      "ℹ️ {{name}} のバージョン {{version}} は既にあります({{status}}): そのままにし、何もアップロードしていません",
  },
  lifecycle: {
    deleteConfirm: "{{what}} を削除するには {{token}} と入力してください:",
    kept: "変更はありません: {{what}} は元のままです。",
    done: {
      publish: "✅ {{name}} {{version}} を公開しました",
      deprecate: "✅ {{name}} {{version}} を非推奨にしました",
      setDefault: "✅ {{version}} が {{name}} のデフォルトバージョンになりました",
      deleteVersion: "✅ {{name}} {{version}} を削除しました",
      delete: "✅ パッケージ {{name}} を削除しました",
    },
    hint: {
      delete:
        "バージョンが残っているパッケージは削除できません: 先にバージョンを削除してください(delete-version)。",
      deleteVersion:
        "パッケージのデフォルトバージョンは削除できません: 先に別のバージョンをデフォルトにしてください(set-default)。",
      setDefault: "デフォルトにできるのは公開済みか非推奨のバージョンだけです: 先に公開してください。",
      deprecate: "非推奨にできるのは公開済みのバージョンだけです: ドラフトは公開するか削除します。",
    },
  },
  config: {
    prompt: "パッケージ設定:",
    badMode: "不明なモード {{value}}: {{values}} のいずれかを指定してください",
    mode: {
      show: "表示する",
      enable: "ジョブによるバージョン更新を有効にする",
      disable: "ジョブによるバージョン更新を無効にする",
    },
    on: "✅ ジョブによるバージョン更新: 有効(ロール {{role}})",
    off: "⚠️ ジョブによるバージョン更新: 無効(保存されているロール: {{role}})",
  },
  device: {
    title: "📱 {{thing}}: $package シャドウ(バージョン {{version}}、{{read}} に取得)",
    line: "  • {{package}} {{version}}({{reported}} に報告)",
    lineUndated: "  • {{package}} {{version}}",
    empty: "シャドウにはパッケージが報告されていません。",
    none: "{{thing}} には $package シャドウがありません: ソフトウェアのバージョンを報告していません。",
  },
  revert: {
    progress: "$package シャドウを書き換え中",
    noThingTypes:
      "モノタイプがないため、戻すフリートがありません。先にプロビジョニングしてください: {{command}}",
    howPrompt: "フリートをどう戻しますか?",
    how: {
      shadow:
        "インベントリ($package シャドウ)を書き換える: すぐ終わるが、デバイスのファームウェアは変わらない",
      job: "そのバージョンの OTA ジョブを作成する: デバイスが実際にインストールする",
    },
    notDeployable:
      "バージョン {{version}} は {{status}} です: ジョブでデプロイできるのは公開済みか非推奨のバージョンだけです。",
    finding:
      "🔎 {{package}} のバージョンが {{version}} でない {{thingType}} のデバイスを探しています(フリートインデックス)",
    nothing:
      "✅ {{thingType}} のデバイスはすべて {{package}} {{version}} を報告しています: 戻すものはありません。",
    preview: "{{version}} 以外のバージョンを報告しているデバイス {{count}} 台:",
    more: "   … ほか {{count}} 台",
    confirm: "{{count}} 台の $package シャドウを {{version}} にするには {{token}} と入力してください:",
    confirmJob: "{{count}} 台向けに {{version}} の OTA ジョブを作成するには {{token}} と入力してください:",
    kept: "変更はありません: シャドウは書き換えず、ジョブも作成していません。",
    done: "✅ $package シャドウ {{total}} 件中 {{updated}} 件がそのバージョンになりました({{seconds}} 秒、毎秒 {{rate}} 台)",
    failedLine: "  ❌ {{thing}}: {{error}}",
    inventoryOnly:
      "⚠️ 変わったのはインベントリだけで、デバイスは以前のファームウェアのままです。実際に戻すには: {{command}}",
    configOff:
      "⚠️ ジョブによるバージョン更新が無効です: デバイスはバージョンをインストールしますが、$package シャドウは追従しません。有効にするには: {{command}}",
    jobCreated: "✅ デバイス {{count}} 台向けにジョブ {{jobId}} を作成しました(モノグループ {{group}})",
    simulate: "デバイスを動かすには: {{command}}",
  },
  tour: {
    before: "📱 更新前: {{thing}} の $package シャドウには {{package}} {{version}} と記録されています。",
    after: "📱 更新後: {{thing}} は {{package}} {{version}} を報告しています。",
    rollback: "⏪ 最後の立ち寄り先: ツアーの {{package}} デバイスを {{version}} に戻します",
    nothing: "ツアーのデバイスはすべて {{version}} を報告しています: 戻すものはありません。",
    job: "別のバージョンのデバイス {{count}} 台向けにジョブ {{jobId}} を作成しました。デバイスがインストールします。",
    done: "✅ {{succeeded}} 台が {{version}} をインストールし直しました。別のバージョンのままのデバイス: {{remaining}} 台。",
  },
  learn: {
    tourRollback: {
      title: "車まで届くロールバック",
      body:
        "新しいファームウェアに問題があったとします。フリートインデックスで {{version}} 以外を報告しているツアーの車を探し、\n" +
        "その車だけに {{version}} のジョブを送ります。車がインストールして成功するたびに $package シャドウが書き換わります。\n" +
        "`iotdm packages revert --via-job` はどのフリートにも同じことをします。--via-job なしでは記録を直すだけで、\n" +
        "速い代わりに車はそのままです。",
    },
    catalog: {
      title: "パッケージ: ソフトウェアの系統に付ける名前",
      body:
        "ソフトウェアパッケージカタログのパッケージは、デバイスで動くソフトウェア(たとえばある車種のファームウェア)を\n" +
        "表します。中にバージョンを持ち、そのうち 1 つをデフォルトにできます。パッケージのタグは後で探すときに役立ち、\n" +
        "`iotdm cleanup` がワークショップで作ったものを見分ける手がかりにもなります。",
    },
    versions: {
      title: "バージョンは正確なバイト列を指す",
      body:
        "バージョンはアーティファクトをバケット、キー、S3 オブジェクトバージョンで指定します。同じキーに新しいファイルを\n" +
        "置いても新しいオブジェクトバージョンができるだけで古いものは残るので、バージョンはいつも同じ中身を指します。\n" +
        "新しいバージョンはドラフトから始まり、ジョブではデプロイできません。公開するとデプロイできるようになります。\n" +
        "属性(3 KB まで)はジョブドキュメントやデバイスの $package シャドウに引き継がれます。",
    },
    lifecycle: {
      title: "ドラフト、公開、非推奨",
      body:
        "ドラフトは変更も公開もできます。公開済みのバージョンを非推奨にすると、何も壊さずに「移行してほしい」と伝えられ、\n" +
        "非推奨のものは再び公開できます。AWS が守るルールは 2 つ: パッケージのデフォルトバージョンは削除できず、\n" +
        "バージョンが残っているパッケージも削除できません。",
    },
    configuration: {
      title: "インベントリを書くのは誰か",
      body:
        "ジョブによるバージョン更新を有効にすると、パッケージバージョンをインストールするジョブ実行が成功するたびに、\n" +
        "そのバージョンがデバイスの $package シャドウに書き込まれます。AWS IoT はそのシャドウだけを読み書きできる\n" +
        "IAM ロールを使って書き込みます。無効にしてもロールは記録に残り、後で使えます。",
    },
    deviceVersion: {
      title: "$package シャドウがインベントリ",
      body:
        "各デバイスは予約された名前付きシャドウ $package を持ち、パッケージごとにバージョンと属性を記録します。\n" +
        "ジョブが(パッケージ設定が有効なら)更新し、デバイス自身が報告することもあり、フリートインデックスで\n" +
        "フリート全体を検索できます。シャドウのメタデータから、各値がいつ報告されたかが分かります。",
    },
    revert: {
      title: "{{version}} へのロールバック",
      body:
        "フリートインデックスで、$package シャドウに別のバージョンが記録されているそのタイプのデバイスを探します。\n" +
        "シャドウの書き換えは一瞬ですが、変わるのはインベントリの記録だけで、車のファームウェアはそのままです。\n" +
        "本当のロールバックはジョブです: デバイスが {{version}} をダウンロードしてインストールし、成功を報告すると\n" +
        "インベントリも自然に追従します。記録を直すなら書き換え、デバイスを変えるならジョブを使います。",
    },
  },
} satisfies Translation<Catalog["packages"]>;
