/// The dashboard's Mustache templates, compiled into the binary (like the migrations) so that a
/// copied `hoebi` serves its pages without a folder beside it. `{{{…}}}` is only used for HTML
/// that Hoebi itself built (the grid); everything else is escaped.
enum Templates {
    static let all: [String: String] = [
        "head": #"""
        <!doctype html>
        <html lang="ko"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <title>{{title}} · 회비</title>
        <style>{{{css}}}</style>
        </head><body>
        {{#nav}}<nav><a href="/g/{{group}}">현황</a> <a href="/g/{{group}}/grid">납부표</a> <a href="/g/{{group}}/review">확인 필요{{#reviewCount}} <b>{{reviewCount}}</b>{{/reviewCount}}</a> <a href="/g/{{group}}/notice">공지</a> <a href="/g/{{group}}/upload">거래내역 올리기</a> <a href="/g/{{group}}/runs">기록</a> <a href="/g/{{group}}/share">회원 링크</a>
        <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{csrf}}"><button>로그아웃</button></form></nav>{{/nav}}
        <main>
        """#,
        "foot": #"""
        </main>
        <script src="/static/app.js"></script>
        </body></html>
        """#,
        "plain": #"""
        {{> head}}<h1>{{title}}</h1><p style="white-space: pre-line">{{message}}</p>{{#back}}<p><a href="{{back}}">돌아가기</a></p>{{/back}}{{> foot}}
        """#,
        "login": #"""
        {{> head}}<h1>회비 · 총무 로그인</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/login" class="card">
        <input type="hidden" name="next" value="{{next}}"><input type="hidden" name="csrf" value="{{csrf}}">
        <label>이름 <input name="name" autocomplete="username" required value="{{name}}"></label>
        <label>비밀번호 <input name="password" type="password" autocomplete="current-password" required></label>
        <button>로그인</button></form>
        <p class="hint">계정은 서버에서 <code>hoebi user add 이름</code>으로 만듭니다.</p>{{> foot}}
        """#,
        "groups": #"""
        {{> head}}<h1>모임</h1><ul>{{#groups}}<li><a href="/g/{{id}}">{{name}}</a></li>{{/groups}}</ul>{{> foot}}
        """#,
        "overview": #"""
        {{> head}}{{#configProblem}}<p class="error" role="alert">설정 파일을 고친 내용에 오류가 있어 이전 설정으로 계속합니다. 고친 뒤 저장하면 다시 읽습니다.<br>{{configProblem}}</p>{{/configProblem}}
        <h1>{{groupName}}</h1>
        <p class="meta">{{asOf}}</p>
        <div class="cards">
        <div class="card"><div class="label">잔액</div><div class="big">{{balance}}원</div></div>
        <div class="card"><div class="label">{{periodLabel}} 걷힌 돈</div><div class="big">{{collected}}원</div><div>낼 돈 {{expected}}원</div></div>
        <div class="card"><div class="label">{{periodLabel}} 미납</div><div class="big">{{outstanding}}원</div><div>{{unpaidCount}}명</div></div>
        <div class="card"><div class="label">확인 필요</div><div class="big"><a href="/g/{{group}}/review">{{reviewCount}}건</a></div></div>
        <div class="card"><div class="label">마지막 동기화</div><div>{{#lastSync}}{{at}} · {{status}}<br><small>{{what}}</small>{{/lastSync}}{{^lastSync}}아직 없음{{/lastSync}}</div>
        {{#canSync}}<form method="post" action="/g/{{group}}/sync"><input type="hidden" name="csrf" value="{{csrf}}"><button>지금 동기화</button></form>{{/canSync}}</div>
        </div>
        <h2>{{periodLabel}} 안 낸 사람</h2>
        <p>{{#unpaid}}<a href="/g/{{group}}/members/{{id}}">{{name}}</a> ({{owed}}원) {{/unpaid}}{{^unpaid}}모두 냈습니다.{{/unpaid}}</p>
        {{> foot}}
        """#,
        "grid": #"""
        {{> head}}{{{grid}}}{{> foot}}
        """#,
        "review": #"""
        {{> head}}<h1>확인이 필요한 입금 {{count}}건</h1>
        {{^items}}<p>확인할 입금이 없습니다.</p>{{/items}}
        {{#items}}<div class="card" id="t{{id}}"><div><b>t{{id}}</b> {{date}} · <b>{{amount}}원</b> · {{text}}</div><div class="reason">{{reason}}</div>
        <form method="post" action="/g/{{group}}/review/t{{id}}/preview"><input type="hidden" name="csrf" value="{{csrf}}">
        <label>회원 <select name="member"><option value="">회원을 고르세요</option>{{#members}}<option value="{{id}}"{{#suggested}} selected{{/suggested}}>{{name}}</option>{{/members}}</select></label>
        <label><input type="checkbox" name="only" value="1"> 이 입금만 (입금자명을 기억하지 않음)</label>
        <button name="action" value="assign">배정 미리 보기</button>
        <label>까닭 <input name="reason" placeholder="예: 행사비, 환불"></label>
        <button name="action" value="ignore">회비 아님 미리 보기</button></form></div>{{/items}}
        <form method="post" action="/g/{{group}}/undo/preview"><input type="hidden" name="csrf" value="{{csrf}}"><button>마지막 결정 되돌리기 (미리 보기)</button></form>
        {{> foot}}
        """#,
        "preview": #"""
        {{> head}}<h1>미리 보기: 아직 아무것도 바꾸지 않았습니다</h1>
        <p class="card">{{summary}}</p>
        {{#rule}}<p>{{rule}}</p>{{/rule}}
        <h2>바뀌는 입금 {{changeCount}}건</h2>
        <ul>{{#changes}}<li>t{{id}} {{date}} {{amount}}원 {{text}}: {{from}} → {{to}}</li>{{/changes}}</ul>
        {{#action}}<form method="post" action="{{action}}"><input type="hidden" name="csrf" value="{{csrf}}">
        {{#fields}}<input type="hidden" name="{{name}}" value="{{value}}">{{/fields}}
        <button class="primary">이대로 적용</button> {{#back}}<a href="{{back}}">취소</a>{{/back}}{{^back}}<a href="/g/{{group}}/review">취소</a>{{/back}}</form>{{/action}}
        {{^action}}<p><a href="/g/{{group}}/review">돌아가기</a></p>{{/action}}
        {{> foot}}
        """#,
        "notice": #"""
        {{> head}}<h1>단톡방 공지</h1>
        <p><a href="?mask={{otherMask}}">{{maskLabel}}</a></p>
        <textarea id="notice" rows="18" readonly>{{text}}</textarea>
        <p><button type="button" data-copy="notice">복사</button> <span id="copied" hidden>복사했습니다</span></p>
        {{> foot}}
        """#,
        "member": #"""
        {{> head}}<h1>{{name}} 납부 내역</h1>
        <div class="wrap"><table class="list"><thead><tr><th>번호</th><th>날짜</th><th>금액</th><th>입금자명</th><th>낸 기간</th></tr></thead><tbody>
        {{#lines}}<tr><td>t{{id}}</td><td>{{date}}</td><td class="num">{{amount}}</td><td>{{text}}</td><td>{{paid}}</td></tr>{{/lines}}
        </tbody></table></div>{{^lines}}<p>아직 이 회원의 회비로 정해진 입금이 없습니다.</p>{{/lines}}
        {{> foot}}
        """#,
        "runs": #"""
        {{> head}}<h1>기록: 가져오기, 동기화, 결정</h1>
        <div class="wrap"><table class="list"><thead><tr><th>번호</th><th>언제</th><th>무엇</th><th>상태</th><th></th></tr></thead><tbody>
        {{#runs}}<tr><td>{{id}}</td><td>{{at}}</td><td>{{what}}</td><td>{{status}}</td><td>{{#revertable}}<form method="post" action="/g/{{group}}/runs/{{id}}/revert/preview"><input type="hidden" name="csrf" value="{{csrf}}"><button>되돌리기 (미리 보기)</button></form>{{/revertable}}</td></tr>{{/runs}}
        </tbody></table></div>{{> foot}}
        """#,
        "upload": #"""
        {{> head}}<h1>거래내역 올리기</h1>
        <form id="upload" class="card" method="post" action="/g/{{group}}/upload" enctype="multipart/form-data" data-group="{{group}}" data-csrf="{{csrf}}">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>파일 (xlsx, xls, csv) <input type="file" name="file" required></label>
        <label>비밀번호 (카카오뱅크·토스 파일) <input type="password" name="password" autocomplete="off"></label>
        <button>올리기</button> <progress id="progress" max="100" value="0" hidden></progress></form>
        <pre id="result" aria-live="polite"></pre>
        {{> foot}}
        """#,
        "share": #"""
        {{> head}}<h1>회원에게 보여 줄 링크</h1>
        <p>이 링크를 가진 사람은 누구나 납부표를 볼 수 있습니다 (이름은 가려짐, 입금자명은 보이지 않음). 새로 만들면 이전 링크는 더 이상 열리지 않습니다.</p>
        {{#link}}<p><input id="share" value="{{link}}" readonly> <button type="button" data-copy="share">복사</button></p>{{/link}}
        {{^link}}<p>아직 링크가 없습니다.</p>{{/link}}
        <form method="post" action="/g/{{group}}/share"><input type="hidden" name="csrf" value="{{csrf}}"><button>{{#link}}새 링크로 바꾸기{{/link}}{{^link}}링크 만들기{{/link}}</button></form>
        {{> foot}}
        """#,
        "members": #"""
        {{> head}}<h1>{{groupName}} 회비 현황</h1>
        <p class="meta">{{asOf}}</p>
        <h2>내는 곳</h2><p class="card">{{bank}} <b>{{account}}</b> (예금주 {{holder}}) · {{amount}}원{{#dueDay}} · 매달 {{dueDay}}일까지{{/dueDay}}</p>
        {{{grid}}}
        {{> foot}}
        """#
    ]

    static let css = """
        body{font-family:"Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;margin:0;color:#222;word-break:keep-all;line-height:1.5}
        main{padding:.8rem;max-width:1200px;margin:0 auto}
        nav{background:#264653;padding:.4rem .8rem;display:flex;flex-wrap:wrap;gap:.2rem .9rem;align-items:center}
        nav a{color:#fff;text-decoration:none;white-space:nowrap}nav b{background:#e76f51;border-radius:8px;padding:0 .4rem}
        form.inline{display:inline;margin-left:auto}form.inline button{background:none;border:1px solid #fff;color:#fff}
        .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:.6rem}
        .card{border:1px solid #ddd;border-radius:8px;padding:.6rem;margin:.5rem 0}
        .label{color:#555;font-size:.85rem}.big{font-size:1.3rem;font-weight:700}
        label{display:block;margin:.3rem 0}input,select,button,textarea{font:inherit}
        button{padding:.35rem .8rem;border-radius:6px;border:1px solid #264653;background:#fff;cursor:pointer}
        button.primary{background:#264653;color:#fff}textarea{width:100%;box-sizing:border-box}
        .error{color:#b00020}.reason{color:#555;font-size:.9rem}.hint{color:#666}
        table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 6px;white-space:nowrap}
        .wrap{overflow-x:auto}table.list td{white-space:normal;word-break:keep-all;overflow-wrap:anywhere}
        #share{width:100%;box-sizing:border-box;margin-bottom:.4rem}select{max-width:100%}
        """
}
