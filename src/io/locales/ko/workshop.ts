import type { Catalog, Translation } from "../../message-keys.js";

export default {
  description:
    "가이드 투어: 작은 플릿을 프로비저닝하고, 살펴보고, 무선으로 업데이트하고, 정리합니다(전용 샌드박스에서)",
  opt: { count: "투어 플릿의 디바이스 수(기본 20)" },
  title: "🧭 AWS IoT Device Management 가이드 투어",
  learn: {
    intro: {
      title: "이 투어에서 하는 일",
      body: "이제 디바이스 {{count}}대로 이루어진 작은 커넥티드카 플릿을 만들고, AWS IoT가 이 플릿에 대해 무엇을\n보관하는지 살펴본 뒤 다시 삭제합니다. 각 단계는 자신의 계정에서 쓰는 것과 같은 API를 호출합니다.\n투어는 AWS처럼 응답하는 로컬 샌드박스에서 실행되므로 비용이 들지 않습니다.",
    },
    explore: {
      title: "플릿 다시 읽기",
      body: "레지스트리는 각 사물의 유형, 속성, 그룹을 알고 있습니다. 디바이스 섀도우에는 각 차량이 마지막으로\n보고한 내용(배터리)과 실행 중인 소프트웨어 패키지 버전($package 섀도우)이 들어 있습니다.\n운영자는 둘 다 보고 어떤 차량에 업데이트가 필요한지 판단합니다.",
    },
    cleanup: {
      title: "안전하게 정리하기",
      body: "정리는 워크숍이 만들었다고 증명할 수 있는 것만 삭제합니다. 먼저 워크숍 태그, 다음으로 프로비저닝이\n쓰는 정확한 이름, 마지막으로 연관 관계(워크숍 사물의 섀도우나 인증서)로 판단합니다.\n계정의 나머지는 건드리지 않습니다.",
    },
    next: {
      title: "다음 단계",
      body: "`iotdm provision`으로 기본 샌드박스(또는 --aws로 자신의 계정)에 자신만의 플릿을 만들고,\n`iotdm create-job`으로 펌웨어를 배포하고 `iotdm simulate-jobs`로 디바이스 역할을 하며 `iotdm explore-jobs`로\n롤아웃을 따라가 보세요. `iotdm cleanup --dry-run`을 쓰면 삭제하기 전에 무엇이 삭제될지 확인할 수 있습니다.",
    },
  },
  stop: {
    provision: "🚗 1단계: 디바이스 {{count}}대 프로비저닝",
    explore: "🔎 2단계: 만들어진 것",
    cleanup: "🧹 3단계: 정리",
  },
  fleet: {
    thingTypes: "사물 유형({{count}}):",
    groups: "정적 사물 그룹({{count}}):",
    groupLine: "   • {{name}}: 디바이스 {{members}}대",
    samples: "디바이스 {{count}}대 자세히 보기:",
    sampleLine: "   • {{name}} | {{type}} | 국가 {{country}} | 배터리 {{battery}}% | {{packages}}",
    packages: "소프트웨어 패키지({{count}}):",
    bucketLine: "   • 펌웨어 버킷 {{bucket}}: 객체 버전 {{objects}}개",
  },
  done: "🎉 투어가 {{seconds}}초 만에 끝났습니다. 플릿을 만들고, 살펴보고, 삭제했습니다.",
  sandboxStopped: "🛑 투어가 시작한 {{endpoint}}의 샌드박스를 멈췄습니다.",
  doneWithProblems: "투어가 {{seconds}}초 만에 끝났지만 문제가 있었습니다. 위의 요약을 보세요.",
} satisfies Translation<Catalog["workshop"]>;
