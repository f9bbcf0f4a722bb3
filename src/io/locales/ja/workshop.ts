import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description:
    "ガイドツアー: 小さなフリートをプロビジョニングし、中身を見て、無線で更新し、片付ける(専用のサンドボックスで)",
  opt: { count: "ツアーのフリートのデバイス数(既定 20)" },
  title: "🧭 AWS IoT Device Management ガイドツアー",
  learn: {
    intro: {
      title: "このツアーで行うこと",
      body: "これから {{count}} 台のデバイスからなる小さなコネクテッドカーのフリートを作り、AWS IoT がそれについて\n何を保持しているかを確認し、最後に削除します。各ステップでは自分のアカウントで使うのと同じ API を呼び出します。\nツアーは AWS と同じように応答するローカルのサンドボックスで動くので、費用はかかりません。",
    },
    explore: {
      title: "フリートを読み返す",
      body: "レジストリは各モノのタイプ、属性、グループを知っています。デバイスシャドウには各車両が最後に報告した内容\n(バッテリー)と、動いているソフトウェアパッケージのバージョン($package シャドウ)が入っています。\n運用者はこの両方を見て、どの車両に更新が必要かを判断します。",
    },
    cleanup: {
      title: "安全に片付ける",
      body: "クリーンアップは、ワークショップが作ったと証明できるものだけを削除します。まずワークショップのタグ、\n次にプロビジョニングが使う正確な名前、最後に関連(ワークショップのモノのシャドウや証明書)で判断します。\nアカウント内のそれ以外のものには手を触れません。",
    },
    next: {
      title: "次に進むには",
      body: "`iotdm provision` で既定のサンドボックス(または --aws で自分のアカウント)に自分のフリートを作り、\n`iotdm create-job` でファームウェアを配信し、`iotdm simulate-jobs` でデバイスを演じ、`iotdm explore-jobs` で\nロールアウトを追ってみてください。`iotdm cleanup --dry-run` を使うと、削除する前に何が削除されるかを確認できます。",
    },
  },
  stop: {
    provision: "🚗 ステップ 1: {{count}} 台のデバイスをプロビジョニング",
    explore: "🔎 ステップ 2: 作成されたもの",
    cleanup: "🧹 ステップ 3: 片付け",
  },
  fleet: {
    thingTypes: "モノのタイプ({{count}}):",
    groups: "静的モノのグループ({{count}}):",
    groupLine: "   • {{name}}: {{members}} 台",
    samples: "{{count}} 台のデバイスを詳しく見る:",
    sampleLine: "   • {{name}} | {{type}} | 国 {{country}} | バッテリー {{battery}}% | {{packages}}",
    packages: "ソフトウェアパッケージ({{count}}):",
    bucketLine: "   • ファームウェアバケット {{bucket}}: オブジェクトバージョン {{objects}} 件",
  },
  done: "🎉 ツアーは {{seconds}} 秒で終わりました。フリートを作り、確認し、削除しました。",
  sandboxStopped: "🛑 ツアーが起動した {{endpoint}} のサンドボックスを停止しました。",
  doneWithProblems: "ツアーは {{seconds}} 秒で終わりましたが、問題がありました。上のまとめを見てください。",
} satisfies Translation<Catalog["workshop"]>;
