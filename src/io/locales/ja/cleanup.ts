import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description: "ワークショップで作成したリソースだけを削除します(最後のステップ)",
  opt: {
    scope: "クリーンアップの対象: all、things、groups のいずれか",
    thingsPrefix:
      "ワークショップのモノの名前のプレフィックス(既定値 Vehicle-VIN-)。provision で指定したものと同じにします",
    dryRun: "削除されるものと、各リソースをどう識別したかを表示するだけで、何も変更しません",
  },
  title: "🧹 iotdm cleanup: アカウントからワークショップを片付けます",
  goal:
    "📚 学習目標: 費用を残さず、自分のものではないリソースには触れないこと。\n" +
    "   クリーンアップは 3 つの方法でワークショップのリソースを見分けます。タグを付けられる\n" +
    "   リソースではワークショップのタグ、次に iotdm が付ける正確な名前、そしてすでに識別した\n" +
    "   リソースとの関連(ワークショップのモノのシャドウや証明書、ワークショップのパッケージのバージョン)です。\n" +
    "   削除の順序は依存関係で決まります。モノより先にシャドウと証明書、バケットより先に\n" +
    "   オブジェクトのバージョン、そしてモノのタイプは最後です。AWS では非推奨にしてから\n" +
    "   5 分経たないとモノのタイプを削除できないためです。",
  scopePrompt: "何をクリーンアップしますか?",
  scope: {
    all: "ワークショップで作成したものすべて(モノ、グループ、タイプ、パッケージ、バケット、ロール、設定)",
    things: "AWS IoT のモノだけ(シャドウと証明書を含む)",
    groups: "AWS IoT のモノのグループだけ(モノは残ります)",
  },
  badScope: "{{scope}} は範囲として使えません。{{scopes}} のいずれかを指定してください",
  confirm: {
    warning:
      "⚠️  次のものを完全に削除します: {{what}}\n" +
      "   アカウント {{account}}、リージョン {{region}}(モノの名前は {{prefix}}###。ワークショップのものではないリソースは残します)。",
    prompt: "続行するには {{token}} と入力してください:",
  },
  dryRunBanner: "🔎 ドライラン: 何も変更しません。各行に、何が起きるかとその理由を表示します。",
  scan: {
    found: "{{family}}: {{count}} 件見つかりました",
  },
  how: {
    tag: "タグ {{evidence}}",
    naming: "名前が {{evidence}} に一致",
    association: "関連: {{detail}}",
  },
  association: {
    shadowOfThing: "ワークショップのモノ {{evidence}} のもの",
    certificateOfThings: "ワークショップのモノだけにアタッチされている: {{evidence}}",
    versionOfPackage: "ワークショップのパッケージ {{evidence}} のもの",
    objectInBucket: "ワークショップのバケット {{evidence}} に保存されている",
    policyOfRole: "ワークショップのロール {{evidence}} のインラインポリシー",
    jobTargets: "すべてのターゲットがワークショップのモノまたはグループ: {{evidence}}",
    executionOfCommand: "ワークショップのコマンド {{evidence}} の実行",
    settingRole: "ワークショップのロール {{evidence}} で設定されている",
    settingWorkshopFound:
      "ワークショップが有効にした設定。このアカウントでワークショップのリソースが見つかりました",
  },
  skip: {
    noMatch: "名前が {{evidence}} に一致しません",
    noTagNoMatch: "ワークショップのタグがなく、名前も {{evidence}} に一致しません",
    noTag: "ワークショップのタグがありません({{evidence}})",
    noTagNoTargets:
      "ワークショップのタグがなく、ターゲットもすべてがワークショップのモノやグループではありません",
    certificateShared: "残るモノ {{evidence}} にまだアタッチされています",
    policyInUse: "まだ {{evidence}} にアタッチされています",
    typeInUse: "残るモノがまだ使っています: {{evidence}}",
    dynamicGroupsRemain: "動的モノのグループ {{evidence}} が残っており、フリートインデックスが必要です",
    foreignRole: "ワークショップのロールではない {{evidence}} で設定されています",
    noWorkshopFound:
      "ここではワークショップのリソースが見つからなかったため、この設定は別の用途かもしれません",
    beingDeleted: "すでに削除中です",
  },
  line: {
    deleted: "  ✓ {{name}}: 削除しました({{how}})",
    wouldDelete: "  • {{name}}: 削除されます({{how}})",
    turnedOff: "  ✓ {{name}}: オフにしました({{how}})",
    wouldTurnOff: "  • {{name}}: オフにされます({{how}})",
    skipped: "  ✗ {{name}}: スキップ、{{why}}",
    failed: "  ✗ {{name}}: 削除できませんでした: {{error}}",
    dependent: "      ↳ {{family}} {{count}} 件: {{names}}({{how}})",
    more: "  … ほか同様のものが {{count}} 件(--dry-run か --debug ですべて表示します)",
  },
  classicShadow: "クラシック",
  family: {
    things: "AWS IoT のモノ",
    shadows: "デバイスシャドウ",
    certificates: "証明書",
    policies: "AWS IoT ポリシー",
    thingGroups: "モノのグループ",
    commands: "コマンド",
    commandExecutions: "コマンドの実行",
    jobs: "ジョブ",
    jobTemplates: "ジョブテンプレート",
    packages: "ソフトウェアパッケージ",
    packageVersions: "パッケージのバージョン",
    buckets: "Amazon S3 バケット",
    objectVersions: "S3 オブジェクトのバージョン",
    settings: "アカウントの設定",
    roles: "IAM ロール",
    rolePolicies: "IAM インラインポリシー",
    thingTypes: "モノのタイプ",
  },
  unavailable: "{{family}}: このターゲットでは {{operation}} を使えないため、片付けるものはありません。",
  things: {
    checking: "モノを確認中",
    deleting: "モノを削除中",
  },
  thingTypes: {
    deprecated:
      "ワークショップのモノのタイプ {{count}} 件({{names}})を非推奨にしました。削除できるのは 5 分後です。",
    deleting: "モノのタイプ: 非推奨にした {{count}} 件を、5 分ルールが許しだい削除します",
    clockAdvanced:
      "⏩ 待つ代わりにサンドボックスの時計を {{seconds}} 秒進めました(AWS では非推奨にしてから 5 分後にモノのタイプを削除できます)。",
    countdown: "⏳ 5 分の残りはおよそ {{left}}。{{seconds}} 秒後にもう一度試します...",
  },
  buckets: {
    none: "このアカウントには {{prefix}}-... という名前のバケットはありません。",
  },
  settings: {
    step: "アカウントの設定(パッケージ設定、フリートインデックス、ログ記録)",
    alreadyOff: "  – {{name}}: すでにオフです",
  },
  summary: {
    title: "クリーンアップの結果",
    titleDryRun: "ドライランの結果(何も変更していません)",
    nothing: "確認するものは見つかりませんでした。",
    found: "検出",
    deleted: "削除",
    wouldDelete: "削除予定",
    skipped: "スキップ",
    failed: "失敗",
    total: "合計",
    calls: "API 呼び出し: {{calls}} 回(自動リトライ: {{retries}} 回)",
    clock: "モノのタイプのためにサンドボックスの時計を {{seconds}} 秒進めました。",
    waited: "AWS のモノのタイプのルールのため {{seconds}} 秒待ちました。",
    someFailed:
      "⚠️  {{count}} 件のリソースを削除できませんでした(上記を参照)。`{{command}}` をもう一度実行すると再試行します。",
    done: "🎉 クリーンアップが完了しました。ワークショップのリソースはなくなりました。",
    doneDryRun: "🎉 ドライランが完了しました。上記のものを削除するには --dry-run なしで実行してください。",
    elapsed: "⏱️  合計時間: {{seconds}} 秒",
  },
} satisfies Translation<Catalog["cleanup"]>;
