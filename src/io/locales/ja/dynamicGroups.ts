import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description: "動的モノグループ: フリートインデックスのクエリに一致するデバイスがメンバーになるグループ",
  opt: {
    action: "実行する操作: {{actions}}(省略するとメニューで選びます)",
    name: "動的モノグループの名前",
    query: "フリートインデックスのクエリ(カスタムクエリでの作成、またはクエリのテスト)",
    countries: "ウィザード: 国(カンマ区切り、例 US,CA)",
    thingTypes: "ウィザード: モノのタイプ(カンマ区切り、例 SedanVehicle)",
    versions: "ウィザード: パッケージのバージョン(カンマ区切り、--thing-types が必要)",
    batteryBelow: "ウィザード: バッテリーがこのパーセント以下",
    batteryAbove: "ウィザード: バッテリーがこのパーセント以上",
  },
  title: "🔍 iotdm dynamic-groups: 自動で最新の状態に保たれるデバイスグループ",
  badAction: "不明な操作 {{value}}: {{values}} のいずれかを指定してください",
  menu: {
    prompt: "何をしますか?",
    create: "動的グループを作成(ガイド付きウィザードまたはカスタムクエリ)",
    list: "動的グループをメンバー数とクエリ付きで一覧表示",
    describe: "動的グループ 1 つとそのデバイスを表示",
    delete: "動的グループを削除",
    test: "フリートインデックスのクエリをテスト",
  },
  badPercent: "0 から 100 までの整数を指定してください(指定値: {{value}})",
  badName: "{{name}} はグループ名として使えません: 英数字、'_'、'-'、':' を 1〜128 文字で指定してください",
  namePrompt: "動的グループの名前:",
  wizard: {
    countries: "国をカンマ区切りで入力(例 US,CA)、指定しない場合は空欄:",
    thingTypes: "モノのタイプをカンマ区切りで入力(例 SedanVehicle)、指定しない場合は空欄:",
    versions: "パッケージのバージョンをカンマ区切りで入力(例 1.1.0)、指定しない場合は空欄:",
    batteryBelow: "バッテリーがこの値(パーセント)以下のデバイスのみ、指定しない場合は空欄:",
    batteryAbove: "バッテリーがこの値(パーセント)以上のデバイスのみ、指定しない場合は空欄:",
  },
  criteria: {
    none: "条件を 1 つ以上指定してください: --countries、--thing-types、--versions、--battery-below、--battery-above",
    versionsNeedType:
      "パッケージのバージョンはモノのタイプのパッケージに属します: --versions には --thing-types も指定してください",
    batteryRange: "--battery-above が --battery-below より大きいため、両方を満たすバッテリー残量がありません",
  },
  mode: {
    prompt: "グループのクエリをどのように作りますか?",
    wizard: "ガイド付きウィザード(国、モノのタイプ、バージョン、バッテリー)",
    custom: "自分で書いたフリートインデックスのクエリ",
  },
  examples:
    "クエリの例:\n" +
    "   thingTypeName:SedanVehicle AND attributes.country:US\n" +
    "   shadow.reported.batteryStatus:[* TO 30]\n" +
    "   shadow.name.$package.reported.SUVVehicle.version:1.1.0",
  queryPrompt: "フリートインデックスのクエリ:",
  emptyQuery: "クエリを空にすることはできません",
  preview: {
    query: "🔍 クエリ: {{query}}",
    none: "現在このクエリに一致するデバイスはありません。",
    found: "✅ {{count}} 台のデバイスがこのクエリに一致します。例:",
    more: "   ... ほか {{count}} 台",
  },
  create: {
    refused:
      "{{name}} は作成しません: クエリに一致するデバイスがありません。最初から空のグループは、たいていクエリの\n" +
      "入力ミスです。先に `{{command}}` で確認してください。",
    exists: "{{name}} という名前のモノグループは既に存在します。別の名前を選んでください。",
    done: "✅ 動的グループ {{name}} をメンバー {{count}} 台で作成しました: {{arn}}",
  },
  list: {
    none: "動的モノグループはまだありません。",
    found: "動的モノグループ {{count}} 件:",
    line: "   • {{name}}: メンバー {{members}} 台 | 作成日時 {{created}}\n     クエリ: {{query}}",
  },
  describe: {
    head: "{{name}} ({{status}})\n   クエリ: {{query}}\n   作成日時: {{created}}\n   メンバー: {{members}}",
  },
  delete: {
    warning: "⚠️  動的グループ {{name}} を削除します(デバイスは残り、グループ分けだけがなくなります)。",
    confirm: "削除しますか?",
    kept: "{{name}} は削除しませんでした。",
    done: "✅ 動的グループ {{name}} を削除しました。",
  },
  error: {
    invalidQuery: "クエリ {{query}} はフリートインデックスの構文として正しくありません: {{message}}",
    indexing:
      "フリートインデックスが応答しません。有効になっていますか?(先に `iotdm provision` を実行してください): {{message}}",
    notFound: "{{name}} という名前のモノグループはありません",
    notDynamic: "{{name}} は静的モノグループで、動的グループではありません",
  },
  learn: {
    dynamic: {
      title: "リストではなく「条件」で決まるグループ",
      body:
        "静的グループには、誰かが追加したデバイスが入ります。動的グループが持つのはフリートインデックスのクエリで、\n" +
        "AWS IoT がメンバーをフリートの状態に合わせて更新します。バッテリーが範囲内に下がった車両は加わり、新しい\n" +
        "バージョンに更新された車両は外れます。動的グループを対象にしたジョブは、条件に合い始めたデバイスにも届くため、\n" +
        "「米国のバッテリー残量が少ないセダン」のようなグループを誰も手入れせずに正しく保てます。",
    },
  },
  tour: {
    stop: "🔍 寄り道: ツアーの {{country}} にある {{type}} デバイスを集めた動的グループ",
    members: "   • {{name}}: メンバー {{members}} 台(クエリ {{query}})",
  },
} satisfies Translation<Catalog["dynamicGroups"]>;
