/* Included into every C file of the interpreter and SQLite built for the .deb (see
   buildroot.sh). glibc 2.29 gave exp, exp2, log, log2 and pow new symbol versions; binding
   them to the versions of glibc 2.2.5 keeps the build runnable on glibc 2.28 (UOS 20). */
#if defined(__x86_64__)
__asm__(".symver exp,exp@GLIBC_2.2.5");
__asm__(".symver exp2,exp2@GLIBC_2.2.5");
__asm__(".symver log,log@GLIBC_2.2.5");
__asm__(".symver log2,log2@GLIBC_2.2.5");
__asm__(".symver pow,pow@GLIBC_2.2.5");
#endif
