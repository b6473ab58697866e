"""Write the key-sequence seeds of the `keys` target (fuzz/corpus/keys/seed-*).

The byte meanings mirror src/fuzzing/keys.rs (CHARS, CODES and `step`):
keep the two in step. Run from anywhere: python3 fuzz/make-key-seeds.py
"""
import os

R=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'corpus', 'keys', 'seed-')
CHARS=list("0123456789.,-+ ?abcdefghijklmnopqrstuvwxyzADENPRSUV")+list("&é\"'(è_çà)=JK<>")
CODES=['Enter','Esc','Tab','BackTab','Backspace','Delete','Up','Down','Left','Right','Home','End','PageUp','PageDown']
def enc(seq, lang=0):
    out=bytearray([lang])
    for s in seq:
        if isinstance(s,tuple):
            kind,arg=s
            if kind=='wait': out+=bytes([240,arg])
            elif kind=='paste':
                b=arg.encode(); out+=bytes([244,len(b)])+b
        elif s in ('HOLD','FAIL','RELOAD','REPLACED','CTRLC','CTRLZ','SUP','SDOWN'):
            out.append({'HOLD':246,'FAIL':247,'RELOAD':248,'REPLACED':249,'CTRLC':250,'CTRLZ':251,'SUP':252,'SDOWN':253}[s])
        elif s in CODES: out.append(len(CHARS)+CODES.index(s))
        else:
            for c in s: out.append(CHARS.index(c))
    return bytes(out)
paste=['Tab','Tab','Tab']
for t in ['12','7,5',' 3 ','abc','12\t15','4.5']:
    paste+=[('paste',t),'Enter']
seeds={
 'stage': [' ',('wait',6),'+','-',' ',('wait',3),' ','n',('wait',11),'n','n',('wait',2),'n','r','n'],
 'grid': ['Tab','Tab','Tab','1','5','Enter','7',',','5','Enter','Right','2','0','Enter','Down','a','R','Down','Delete','End','6','0','Enter','PageDown','s','3','Enter','u','v','y','v','y','Esc'],
 'paste': paste,
 'held': ['Tab','Tab','Tab','HOLD','5','Enter','6','Enter','FAIL','HOLD','9','Enter','RELOAD','u','u'],
 'results': ['BackTab','BackTab','m','m','Down','Enter','s','Esc','d','o','K','J','Enter','Esc','p','p','?','Esc','q','n'],
 'setup': ['BackTab','Down','Enter',('paste','Nouveau titre'),'Enter','Down','Enter','Backspace','x','Esc','Tab'],
 'schedule': ['Tab','Down','b','>','>','<','Down','K','J','SUP','SDOWN','w','w','Down','Delete',' ',('wait',14),'n'],
 'questions': ['Tab','Tab','1','2','3','Enter','Delete','Up','Down','n','y',' ',('wait',15)],
 'replaced': ['Tab','Tab','Tab','4','REPLACED','Enter','q','y'],
 'azerty': ['Tab','Tab','Tab','&','é','Enter','(','Enter','ç','à','Enter','Backspace','CTRLZ','CTRLC','y'],
}
# The first byte: bit 0 the language, bit 1 saves answered with the changes.
first={'results':1,'paste':1,'grid-deltas':2,'held-deltas':3}
seeds['grid-deltas']=seeds['grid']
seeds['held-deltas']=seeds['held']+['RELOAD','Tab','Tab','Tab','Tab',' ','n','HOLD','n','n','HOLD']
for name,seq in seeds.items():
    open(R+name,'wb').write(enc(seq, first.get(name,0)))
