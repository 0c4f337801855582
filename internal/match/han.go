package match

import "slices"

// Chinese is written in simplified characters on the mainland and in
// Singapore and in traditional ones in Taiwan, Hong Kong and Macau ("謝謝"
// and "谢谢" are one word). A Set knows a traditional form of a character
// its phrases use as the simplified one: the Builder adds its phrases with
// simplified words (Builder.word), and an Index gives the traditional forms
// their simplified forms' ids (Index.addTraditional), so one phrase matches
// both ways of writing it, at no cost to reading a text, whose folded words
// keep the characters written. The correspondences are those of the
// official lists (the Complete List of Simplified Characters, 简化字总表,
// 1986, and the Table of General Standard Chinese Characters, 通用规范汉字表,
// 2013), checked one character at a time with OpenCC's converters for the
// characters of our phrase data. Only characters of the CJK Unified
// Ideographs block whose simplified form is in it too are listed. Japanese
// kanji that share a traditional form are known as its simplified form too,
// in Japanese data and texts alike.
//
// hanPairs holds each traditional form followed by its simplified one, in
// the order of the traditional forms.
const hanPairs = "" +
	"丟丢並并乾干亂乱佔占來来係系俠侠倆俩倉仓個个們们側侧偽伪傘伞備备傢家傳传傷伤傾倾僅仅僕仆僞伪價价儘尽償偿優优兒儿內内兩两冊册凍冻別别刪删則则剛刚創创劉刘勁劲動动" +
	"務务勝胜勞劳勢势勸劝匯汇區区協协卻却厭厌厲厉參参吳吴吶呐呂吕員员唄呗問问啓启啞哑啟启喪丧喫吃喬乔單单喲哟嗎吗嗚呜嘍喽嘔呕嘖啧嘗尝嘮唠嘰叽噁恶噠哒噴喷嚇吓嚴严嚶嘤" +
	"囉啰國国圍围園园圖图團团報报場场塊块塗涂墊垫壓压壞坏壽寿夠够夢梦夥伙夾夹奪夺姦奸婦妇媽妈嬰婴孃娘孫孙學学實实審审寫写寬宽寶宝將将專专對对導导屆届屍尸屬属嶽岳帥帅" +
	"師师帳帐帶带幣币幫帮幹干幾几庫库廚厨廝厮廠厂廢废廣广廳厅張张強强彆别彈弹彙汇後后從从復复恥耻悶闷惡恶惱恼愛爱態态慚惭慣惯慮虑慶庆憂忧憑凭懇恳應应懶懒戀恋戇戆戰战" +
	"戶户捨舍掙挣掛挂換换損损搵揾搶抢摯挚摳抠撈捞撐撑撥拨撲扑撿捡擁拥擇择擊击擋挡擔担據据擠挤擬拟擺摆擾扰攪搅攬揽敗败數数斃毙斷断於于時时暈晕暢畅曉晓曬晒書书會会東东" +
	"條条棄弃楊杨業业極极榮荣構构槍枪槓杠樁桩樂乐樓楼標标樣样機机檔档檢检權权歐欧歡欢歷历歸归殘残殺杀殼壳氣气汙污決决沒没況况涼凉淨净淺浅減减測测湯汤準准溝沟溫温溼湿" +
	"滅灭滷卤滾滚滿满漢汉潑泼潰溃濕湿濫滥濱滨瀏浏灣湾為为烏乌無无煩烦熱热燉炖燒烧燙烫燦灿爛烂爭争爲为爺爷爾尔牆墙犢犊狀状猶犹獎奖獨独獲获獸兽獻献玀猡現现瑣琐瑪玛環环" +
	"產产畢毕異异當当瘋疯療疗癟瘪癡痴癩癞癮瘾癱瘫發发盜盗盡尽盤盘盧卢眾众矯矫確确碼码礙碍禮礼稅税種种稱称積积穩稳窩窝窮穷竅窍竊窃筆笔節节範范簍篓簡简簽签籤签糧粮紀纪" +
	"約约紅红納纳純纯級级細细紹绍終终組组結结絕绝絡络給给統统絲丝綁绑綏绥經经綠绿維维網网緊紧緒绪線线緣缘編编練练緻致縣县縱纵總总繩绳繫系繼继續续纏缠纓缨罵骂羅罗羣群" +
	"羨羡義义習习聖圣聞闻聯联聰聪聲声聶聂職职聽听聾聋脫脱腦脑腫肿腳脚膚肤膠胶膽胆臉脸臥卧臨临臺台與与興兴舉举茲兹莊庄華华萬万葉叶蒞莅蓋盖蔣蒋蔥葱蕩荡蕭萧薦荐薩萨藍蓝" +
	"蘇苏處处虛虚號号虧亏蝸蜗蟲虫蠻蛮衆众術术裏里補补裝装裡里複复見见規规視视親亲覺觉覽览觀观訂订計计訊讯討讨託托記记訣诀訪访設设許许訴诉註注詐诈評评詞词詢询試试話话" +
	"該该詳详誌志認认誒诶誕诞語语誠诚誤误說说説说誰谁調调談谈諉诿請请諒谅論论諗谂諮咨諸诸謂谓講讲謝谢謬谬謹谨譁哗證证識识譚谭譜谱議议譴谴譽誉讀读變变讓让豈岂豬猪貓猫" +
	"貝贝負负貧贫貨货販贩貪贪責责貴贵買买費费貼贴貿贸賀贺資资賈贾賊贼賓宾賜赐賞赏賠赔賣卖賤贱質质賬账賴赖購购贊赞贏赢趕赶趙赵跡迹蹤踪車车軍军軟软較较載载輕轻輩辈輪轮" +
	"輯辑輸输轉转轍辙轟轰辦办辭辞農农迴回這这連连週周進进遊游運运過过達达違违遞递遠远適适遲迟選选遺遗還还邊边邏逻郵邮鄉乡鄒邹鄧邓鄭郑鄺邝醜丑醫医醬酱釋释針针鈞钧銀银" +
	"銷销鋪铺鋼钢錄录錘锤錢钱錯错鍋锅鍵键鍾钟鎖锁鎮镇鏈链鏟铲鏽锈鐘钟鐵铁鑑鉴鑒鉴鑰钥長长門门閃闪閆闫閉闭開开閒闲間间閣阁閤合閱阅閲阅閻阎闆板闊阔闔阖關关陰阴陳陈陸陆" +
	"陽阳隊队際际隨随險险隱隐隻只雙双雜杂雞鸡離离難难雲云電电靚靓靜静韋韦韓韩響响頁页頂顶項项順顺須须頌颂預预頑顽頓顿領领頭头頻频題题額额顏颜願愿顛颠類类顧顾顯显風风" +
	"飛飞飯饭飲饮養养餓饿餘余餵喂饋馈饞馋馬马馮冯駕驾駱骆騙骗騷骚驅驱驗验驚惊驟骤驢驴髒脏體体髮发鬥斗鬧闹鬱郁魚鱼魯鲁鮮鲜鱉鳖鳥鸟鳩鸠鳳凤鳴鸣鴨鸭麗丽麥麦麼么黃黄點点" +
	"黨党黴霉齒齿齪龊齷龌龍龙龔龚龜龟"

// hanFrom and hanTo are hanPairs apart: the traditional forms, in order,
// and their simplified forms.
var hanFrom, hanTo []rune

func init() {
	rs := []rune(hanPairs)
	for i := 0; i+1 < len(rs); i += 2 {
		hanFrom, hanTo = append(hanFrom, rs[i]), append(hanTo, rs[i+1])
	}
}

// The CJK Unified Ideographs block, where hanPairs' characters are.
const hanFirst, hanLast = 0x4e00, 0x9fff

// simplified returns the simplified form of the character r when r is a
// traditional or variant form hanPairs lists, and r otherwise.
func simplified(r rune) rune {
	if r < hanFirst || r > hanLast {
		return r
	}
	if i, ok := slices.BinarySearch(hanFrom, r); ok {
		return hanTo[i]
	}
	return r
}
